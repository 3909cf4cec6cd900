/**
 * 妙泉镇 in court, for the demo: two lawsuits against its penalty decisions, made through the
 * same actions its 法制审核人员 (fazhi) and its 镇长 (fuzeren) take, each on its own day on the
 * journal's clock. One is lost: the town's head appears, the court revokes the decision, the
 * town does not appeal, the judgment takes effect and flows back to the penalty case (its
 * revocation and withdrawal deadline), and the town records its performance and replies to the
 * court's 司法建议. One is won: the head cannot appear, a 授权委托书 names the town's own staff
 * (with a lawyer) and a 情况说明 explains why; the claims are dismissed and the plaintiff does
 * not appeal.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { nthWorkingDayAfter } from '../../procedure/deadlines.js';
import { contextOfUser } from '../org/sessions.js';
import { withIdCheckChar } from '../../platform/identity/numbers.js';
import { actOnRecord, openRecord } from '../../procedure/service.js';
import { challengeEntry, type ChallengedAct } from '../../procedure/challenge.js';
import { LAWSUITS } from './procedure.js';
import { appealDueOf } from './actions.js';

type Who = 'fazhi' | 'fuzeren';
type Step = [day: string, who: Who, type: string, payload: Record<string, unknown>];

/** 妙泉镇's decisions that stand, unchanged and not under reconsideration, the oldest first. */
async function suable(yifa: Yifa, townAgencyId: string): Promise<ChallengedAct[]> {
  const { entry, facet } = challengeEntry(yifa);
  const rows = await yifa.db.kysely
    .selectFrom('procedure_cases')
    .select('id')
    .where('procedure', '=', 'penalty-case')
    .where('agency_id', '=', townAgencyId)
    .where('status', 'in', ['decided', 'executing', 'closed', 'archived'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('reconsiderations').select('id').whereRef('reconsiderations.challenged_case_id', '=', 'procedure_cases.id'),
        ),
      ),
    )
    .orderBy('opened_on')
    .execute();
  const acts: ChallengedAct[] = [];
  for (const r of rows) {
    const act = await facet.describe(yifa, await entry.proven(yifa, r.id));
    if (act.stands && act.changes.length === 0 && act.number && act.servedOn) acts.push(act);
  }
  return acts;
}

const PLAINTIFFS = [
  {
    kind: 'citizen',
    name: '杨某某',
    idNumber: withIdCheckChar('50024119750612301'),
    phone: '13900003101',
    address: '秀山县妙泉镇大田村3组',
  },
  {
    kind: 'citizen',
    name: '田某某',
    idNumber: withIdCheckChar('50024119820914302'),
    phone: '13900003102',
    address: '秀山县妙泉镇三坝村1组',
  },
] as const;

/** The two lawsuits (after the penalty cases and the reconsiderations); returns how many were made. */
export async function seedDemoLawsuits(yifa: Yifa): Promise<number> {
  const realTime = yifa.clock.source;
  const today = yifa.clock.today();
  const who: Record<Who, Request> = {
    fazhi: { auth: await contextOfUser(yifa, 'fazhi'), idempotencyKey: null, denied: async () => {} },
    fuzeren: { auth: await contextOfUser(yifa, 'fuzeren'), idempotencyKey: null, denied: async () => {} },
  };
  const town = who.fuzeren.auth.user.agencyId;
  if (!town) return 0;
  const head = who.fuzeren.auth.user.personId
    ? await yifa.db.kysely.selectFrom('people').select(['name']).where('id', '=', who.fuzeren.auth.user.personId).executeTakeFirst()
    : undefined;
  const headName = head?.name ?? '镇长';
  const table = await yifa.calendar.table();
  const wd = (from: string, n: number) => nthWorkingDayAfter(table, from, n);
  const acts = await suable(yifa, town);
  let made = 0;
  try {
    for (const [i, story] of (['lost', 'won'] as const).entries()) {
      const act = acts[i];
      if (!act?.servedOn) break;
      // Sued within the six months (Art 46): the copy a month after service (the oldest decisions, so the stories run to their end).
      const copyReceivedOn = addDays(act.servedOn, 30);
      if (copyReceivedOn > today) continue;
      const filedOn = addDays(copyReceivedOn, -4);
      yifa.clock.source = () => new Date(`${copyReceivedOn}T09:30:00+08:00`);
      const n = i + 1;
      const opened = await openRecord(yifa, who.fazhi, LAWSUITS, 'litigation.register', {
        court: '秀山土家族苗族自治县人民法院',
        caseNumber: `（${filedOn.slice(0, 4)}）渝0241行初${10 + n}号`,
        filedOn,
        copyReceivedOn,
        plaintiff: PLAINTIFFS[i],
        claims: `请求撤销被告作出的${act.number}行政处罚决定`,
        challengedKind: 'penalty-case',
        challengedCaseId: act.id,
        reconsiderationId: null,
        challengedAct: `${act.number}行政处罚决定`,
        mandatoryGrounds: story === 'won' ? ['public-attention'] : [],
      });
      made++;
      const id = opened.id;
      const answerOn = wd(copyReceivedOn, 6);
      const summonedOn = wd(answerOn, 5);
      const hearingOn = wd(summonedOn, 10);
      const judgedOn = wd(hearingOn, 15);
      const servedOn = wd(judgedOn, 2);
      const steps: Step[] = [
        [
          answerOn,
          'fazhi',
          'litigation.file-answer',
          {
            on: answerOn,
            text: '被告作出的行政处罚决定认定事实清楚，证据确凿，适用法律正确，程序合法，处罚适当，请求驳回原告的诉讼请求。',
            normativeDocuments: '《秀山县妙泉镇综合行政执法裁量基准》',
            lateReason: null,
            bundle: null,
          },
        ],
        [
          summonedOn,
          'fazhi',
          'litigation.schedule-hearing',
          { summonedOn, date: hearingOn, place: '秀山县人民法院第三审判庭', courtRecommendsHead: story === 'lost' },
        ],
      ];
      if (story === 'lost') {
        const decideOn = wd(servedOn, 3);
        const appealDue = appealDueOf(table, { instance: 'first', kind: 'judgment', type: 'revoked', servedOn })!;
        const effectiveOn = wd(appealDue, 1);
        steps.push(
          [
            hearingOn,
            'fazhi',
            'litigation.record-hearing',
            {
              heldOn: hearingOn,
              headAppeared: true,
              headName,
              headPost: '镇长',
              headRank: 'head',
              staff: [{ name: '石某某', post: '综合行政执法办公室主任' }],
              lawyers: [],
              record: '被告镇长出庭应诉并发表意见；双方举证质证，原告对现场勘验笔录的形成时间提出异议。',
            },
          ],
          [
            servedOn,
            'fazhi',
            'litigation.record-judgment',
            {
              type: 'revoked',
              on: judgedOn,
              number: `（${filedOn.slice(0, 4)}）渝0241行初${10 + n}号`,
              servedOn,
              summary:
                '被告提交的现场勘验笔录系作出处罚决定后补作，依法不能作为认定被诉行政行为合法的依据；被诉处罚决定主要证据不足，判决撤销。',
              variedFineFen: null,
              redoBy: null,
            },
          ],
          [
            decideOn,
            'fuzeren',
            'litigation.decide-appeal',
            { on: decideOn, appeal: false, reason: '经镇政府常务会议研究，认可一审判决，不提起上诉，举一反三整改取证程序。' },
          ],
          [effectiveOn, 'fazhi', 'litigation.record-effective', { plaintiffAppealed: false }],
          [
            wd(effectiveOn, 5),
            'fazhi',
            'litigation.record-suggestion',
            {
              receivedOn: wd(effectiveOn, 5),
              court: '秀山土家族苗族自治县人民法院',
              number: `（${filedOn.slice(0, 4)}）渝0241司建${n}号`,
              text: '建议规范现场检查取证程序，确保证据在作出行政处罚决定前依法收集。',
            },
          ],
          [
            wd(effectiveOn, 8),
            'fazhi',
            'litigation.record-performance',
            { on: wd(effectiveOn, 8), text: '已执行判决：处罚决定撤销，已缴罚款全额退还原告，并从行政执法公示平台撤下该决定。' },
          ],
          [
            wd(effectiveOn, 20),
            'fuzeren',
            'litigation.reply-suggestion',
            { on: wd(effectiveOn, 20), text: '已组织执法人员专题培训，修订现场检查笔录格式，实行取证环节法制审核前置。' },
          ],
        );
      } else {
        const delegateOn = wd(summonedOn, 3);
        const decideOn = wd(servedOn, 2);
        steps.push(
          [
            delegateOn,
            'fuzeren',
            'litigation.delegate',
            {
              on: delegateOn,
              headName: `${headName}（镇长）`,
              reasonKind: 'official-duty',
              reason: '开庭当日须带队参加县防汛抗旱指挥部汛期安全检查，系他人不能代替的公务。',
              staff: [{ name: '石某某', post: '综合行政执法办公室主任' }],
              lawyers: [{ name: '彭某某', post: '重庆秀山某律师事务所' }],
              authority: '一般代理：出庭应诉、举证质证、发表辩论意见、签收法律文书。',
            },
          ],
          [
            hearingOn,
            'fazhi',
            'litigation.record-hearing',
            {
              heldOn: hearingOn,
              headAppeared: false,
              headName: null,
              headPost: null,
              headRank: null,
              staff: [{ name: '石某某', post: '综合行政执法办公室主任' }],
              lawyers: [{ name: '彭某某', post: '重庆秀山某律师事务所' }],
              record: '被告委托本机关工作人员石某某和律师彭某某出庭，提交了授权委托书和负责人不能出庭的情况说明。',
            },
          ],
          [
            servedOn,
            'fazhi',
            'litigation.record-judgment',
            {
              type: 'dismissed',
              on: judgedOn,
              number: `（${filedOn.slice(0, 4)}）渝0241行初${10 + n}号`,
              servedOn,
              summary: '被诉处罚决定认定事实清楚，证据确凿，适用法律正确，程序合法，判决驳回原告的诉讼请求。',
              variedFineFen: null,
              redoBy: null,
            },
          ],
          [
            decideOn,
            'fuzeren',
            'litigation.decide-appeal',
            { on: decideOn, appeal: false, reason: '一审判决驳回原告诉讼请求，本机关不上诉。' },
          ],
          [
            wd(appealDueOf(table, { instance: 'first', kind: 'judgment', type: 'dismissed', servedOn })!, 1),
            'fazhi',
            'litigation.record-effective',
            { plaintiffAppealed: false },
          ],
        );
      }
      for (const [day, by, type, payload] of steps) {
        if (day > today) break;
        yifa.clock.source = () => new Date(`${day}T10:00:00+08:00`);
        await actOnRecord(yifa, who[by], LAWSUITS, id, type, payload);
      }
    }
  } finally {
    yifa.clock.source = realTime;
  }
  return made;
}
