/**
 * The county's 行政复议 of the demo: the 司法局's 复议人员 (login `fuyi`), and a year of
 * applications against 妙泉镇's penalty decisions in their several states, made through the
 * same actions the 复议机构 and the town take, each on its own day on the journal's clock: one
 * deemed withdrawn (补正 never answered), one terminated after a suspension, one revoked (the
 * case shows the revocation and its withdrawal deadline), one upheld after a hearing the
 * town's head attended, one under review with the +30 days approved, one settled, one waiting
 * for the town's answer, one deemed accepted, one refused, one waiting for 补正 and one just
 * received: every status.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { contextOfUser } from '../org/sessions.js';
import { createPerson } from '../org/service/people.js';
import { createUser } from '../org/service/users.js';
import { withIdCheckChar } from '../../platform/identity/numbers.js';
import { actOnRecord, openRecord } from '../../procedure/service.js';
import type { ChallengedAct } from '../../procedure/challenge.js';
import { RECONSIDERATIONS } from './procedure.js';

export const RECONSIDERATION_LOGIN = 'fuyi';
/** The head of the 复议机构 (approves the +30 days of Art 62) */
export const RECONSIDERATION_HEAD_LOGIN = 'fuyizhuren';

/** The 复议人员 of the county 司法局 and the head of its 复议机构, each with a login. */
export async function seedReconsiderationStaff(yifa: Yifa, opts: { password: string }): Promise<void> {
  const admin: Request = { auth: await contextOfUser(yifa, 'admin'), idempotencyKey: null, denied: async () => {} };
  const justice = await yifa.db.kysely
    .selectFrom('agencies')
    .select(['id', 'region_id'])
    .where('name', '=', '秀山县司法局')
    .executeTakeFirstOrThrow();
  const person = await createPerson(yifa, admin, {
    name: '罗某某',
    agencyId: justice.id,
    post: '行政复议科科员',
    idNumber: withIdCheckChar('50024119870301401'),
    phone: '13800004010',
    legalQualificationNo: 'A20195002410789',
  });
  // No grantor: the role is this module's, which org's account administration does not list yet.
  await createUser(yifa, null, {
    username: RECONSIDERATION_LOGIN,
    displayName: '罗某某（县司法局行政复议）',
    password: opts.password,
    personId: person.id,
    agencyId: justice.id,
    regionId: justice.region_id,
    dataScope: 'subtree',
    roles: ['county_reconsideration'],
  });
  const head = await createPerson(yifa, admin, {
    name: '田某某',
    agencyId: justice.id,
    post: '行政复议科科长',
    idNumber: withIdCheckChar('50024119790611402'),
    phone: '13800004011',
    legalQualificationNo: 'A20125002410321',
  });
  await createUser(yifa, null, {
    username: RECONSIDERATION_HEAD_LOGIN,
    displayName: '田某某（县司法局行政复议机构负责人）',
    password: opts.password,
    personId: head.id,
    agencyId: justice.id,
    regionId: justice.region_id,
    dataScope: 'subtree',
    roles: ['reconsideration_head'],
  });
}

/** 妙泉镇's decided penalty cases whose decisions stand, oldest first, as the challenge facet reads them. */
async function challengeableCases(yifa: Yifa, townAgencyId: string): Promise<ChallengedAct[]> {
  const entry = yifa.procedures.find((p) => p.proc.subjectType === 'penalty-case' && p.challenge);
  if (!entry?.challenge) return [];
  const rows = await yifa.db.kysely
    .selectFrom('procedure_cases')
    .select('id')
    .where('procedure', '=', 'penalty-case')
    .where('agency_id', '=', townAgencyId)
    .where('status', 'in', ['decided', 'executing', 'closed', 'archived'])
    .orderBy('opened_on')
    .execute();
  const acts: ChallengedAct[] = [];
  for (const r of rows) {
    const act = await entry.challenge.describe(yifa, await entry.proven(yifa, r.id));
    if (act.stands && act.changes.length === 0 && act.number) acts.push(act);
  }
  return acts;
}

type Who = 'fuyi' | 'fuzeren' | 'fuyizhuren';
type Step = [day: string, who: Who, type: string, payload: Record<string, unknown>];
type Story =
  | 'withdrawn'
  | 'terminated'
  | 'revoked'
  | 'upheld'
  | 'extended'
  | 'settled'
  | 'answering'
  | 'deemed'
  | 'refused'
  | 'correcting'
  | 'received';
/**
 * The stories about an act the town decided outside yifa (no penalty case to link): an order of
 * the town government, as the applicant names it.
 */
const OUTSIDE_ACTS = {
  withdrawn: '妙泉镇人民政府责令限期拆除违法建筑决定书（妙泉府拆字〔2026〕3号）',
  terminated: '妙泉镇人民政府关于收回集体土地使用权的决定（妙泉府发〔2026〕12号）',
  extended: '妙泉镇人民政府责令恢复耕地原状决定书（妙泉府耕字〔2026〕5号）',
} as const;

/** Oldest first: every status a case can be in, and a suspension and an approved extension on the way. */
const STORIES: Story[] = [
  'withdrawn',
  'terminated',
  'revoked',
  'upheld',
  'extended',
  'settled',
  'answering',
  'deemed',
  'refused',
  'correcting',
  'received',
];

const APPLICANT_NAMES = ['陈某某', '刘某某', '黄某某', '周某某', '吴某某', '郑某某', '王某某', '冯某某', '何某某', '罗某某', '许某某'];

/** A year of applications against 妙泉镇's decisions (after the staff: seedReconsiderationStaff). */
export async function seedDemoReconsiderations(yifa: Yifa): Promise<number> {
  const realTime = yifa.clock.source;
  const today = yifa.clock.today();
  const who: Record<Who, Request> = {
    fuyi: { auth: await contextOfUser(yifa, 'fuyi'), idempotencyKey: null, denied: async () => {} },
    fuzeren: { auth: await contextOfUser(yifa, 'fuzeren'), idempotencyKey: null, denied: async () => {} },
    fuyizhuren: { auth: await contextOfUser(yifa, RECONSIDERATION_HEAD_LOGIN), idempotencyKey: null, denied: async () => {} },
  };
  const town = who.fuzeren.auth.user.agencyId!;
  const acts = await challengeableCases(yifa, town);
  const table = await yifa.calendar.table();
  const { nthWorkingDayAfter } = await import('../../procedure/deadlines.js');
  const wd = (from: string, n: number) => nthWorkingDayAfter(table, from, n);
  let made = 0;
  try {
    // The newest decisions go to the newest stories (the last of STORIES); the stories about an
    // order outside yifa take none, so the demo's decisions are left for the 行政应诉 demo.
    const caseStories = STORIES.filter((s) => !(s in OUTSIDE_ACTS));
    const ordered = [...acts.slice(0, caseStories.length)].sort((x, y) =>
      (x.servedOn ?? x.decidedOn ?? '') < (y.servedOn ?? y.decidedOn ?? '') ? -1 : 1,
    );
    for (const [i, story] of STORIES.entries()) {
      const outside = OUTSIDE_ACTS[story as keyof typeof OUTSIDE_ACTS];
      const act = outside ? null : ordered[caseStories.indexOf(story)];
      if (!outside && !act) continue;
      // An order outside yifa: known of some months ago, so its story has run its course.
      const knewOn = act ? (act.servedOn ?? act.decidedOn!) : addDays(today, -120 + i);
      // The recent stories are received in the last days when the decision is recent enough (within
      // the 60 days); otherwise, like the rest, some weeks after the decision was served.
      const recent =
        story === 'received' || story === 'correcting' ? addDays(today, -1) : story === 'answering' ? addDays(today, -6) : null;
      const receivedOn = recent && recent <= addDays(knewOn, 60) && recent >= knewOn ? recent : addDays(knewOn, 20);
      if (receivedOn > today) continue;
      const n = i + 1;
      yifa.clock.source = () => new Date(`${receivedOn}T09:30:00+08:00`);
      const opened = await openRecord(yifa, who.fuyi, RECONSIDERATIONS, 'reconsideration.receive', {
        channel: n % 2 ? 'letter' : 'counter',
        receivedOn,
        applicant: {
          kind: 'citizen',
          name: APPLICANT_NAMES[i % APPLICANT_NAMES.length],
          idNumber: withIdCheckChar(`50024119680${(n % 9) + 1}0150${n % 10}`),
          phone: `1390000${String(2000 + n)}`,
          address: `秀山县妙泉镇贵塘村${n}组`,
        },
        respondentAgencyId: act?.agencyId ?? town,
        challengedCaseId: act?.id ?? null,
        challengedAct: act ? `${act.number}行政处罚决定书（${act.decided ?? ''}）` : outside!,
        knewOn,
        requests: '请求撤销被申请人作出的行政处罚决定',
        reasons: '申请人认为被申请人认定事实不清，适用依据错误，处罚明显不当。',
        lateException: null,
      });
      made++;
      const id = opened.id;
      const steps: Step[] = [];
      const accept = (on: string, hearingRequired = false): Step => [
        on,
        'fuyi',
        'reconsideration.accept',
        { on, simple: false, simpleGround: null, hearingRequired },
      ];
      const a = wd(receivedOn, 3);
      const copyOn = wd(a, 2);
      const answerOn = wd(copyOn, 6);
      const answer: Step = [
        answerOn,
        'fuzeren',
        'reconsideration.file-answer',
        {
          on: answerOn,
          text: '被申请人作出的行政处罚决定认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当，请求复议机关予以维持。',
          normativeDocuments: null,
          bundle: null,
        },
      ];
      switch (story) {
        case 'revoked': {
          const decideOn = wd(answerOn, 10);
          steps.push(accept(a), [copyOn, 'fuyi', 'reconsideration.send-copy', { on: copyOn }], answer, [
            decideOn,
            'fuyi',
            'reconsideration.decide',
            {
              on: decideOn,
              type: 'revoked',
              reason: '被申请人未能提供当事人实施违法行为的现场证据，认定事实的主要证据不足。',
              redoBy: null,
              variedFineFen: null,
            },
          ]);
          break;
        }
        case 'upheld': {
          const noticeOn = wd(answerOn, 2);
          const hearingOn = wd(noticeOn, 6);
          const decideOn = wd(hearingOn, 5);
          steps.push(
            accept(a, true),
            [copyOn, 'fuyi', 'reconsideration.send-copy', { on: copyOn }],
            answer,
            [noticeOn, 'fuyi', 'reconsideration.schedule-hearing', { noticeOn, date: hearingOn, place: '秀山县司法局行政复议听证室' }],
            [noticeOn, 'fuzeren', 'reconsideration.name-attendee', { headAttends: true, headName: '镇长', delegate: null, reason: null }],
            [hearingOn, 'fuyi', 'reconsideration.hold-hearing', { heldOn: hearingOn, record: '双方陈述意见并质证；被申请人负责人出席。' }],
            [
              decideOn,
              'fuyi',
              'reconsideration.decide',
              {
                on: decideOn,
                type: 'upheld',
                reason: '被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。',
                redoBy: null,
                variedFineFen: null,
              },
            ],
          );
          break;
        }
        case 'settled': {
          const settleOn = wd(answerOn, 5);
          steps.push(accept(a), [copyOn, 'fuyi', 'reconsideration.send-copy', { on: copyOn }], answer, [
            settleOn,
            'fuyi',
            'reconsideration.settle',
            { on: settleOn, terms: '申请人认可违法事实并承诺整改；被申请人同意在裁量幅度内重新考虑从轻处理，申请人撤回复议请求。' },
          ]);
          break;
        }
        case 'answering':
          steps.push(accept(a), [copyOn, 'fuyi', 'reconsideration.send-copy', { on: copyOn }]);
          break;
        case 'withdrawn': {
          // 补正 never answered: after its 10 working days the application is deemed withdrawn (Art 31).
          const by = wd(receivedOn, 11);
          steps.push(
            [
              receivedOn,
              'fuyi',
              'reconsideration.request-correction',
              { on: receivedOn, items: '请写明具体的复议请求，并提供被申请复议的行政处罚决定书复印件。' },
            ],
            [by, 'fuyi', 'reconsideration.deem-withdrawn', { on: by }],
          );
          break;
        }
        case 'terminated': {
          // Suspended while the applicant and the town talked it over; he withdrew and the 复议机构 let him (Arts 39, 41 (一)).
          const suspendOn = wd(answerOn, 2);
          const endOn = wd(suspendOn, 10);
          steps.push(
            accept(a),
            [copyOn, 'fuyi', 'reconsideration.send-copy', { on: copyOn }],
            answer,
            [
              suspendOn,
              'fuyi',
              'reconsideration.suspend',
              { on: suspendOn, ground: 'settlement', reason: '申请人与被申请人正在协商和解，双方申请中止' },
            ],
            [
              endOn,
              'fuyi',
              'reconsideration.terminate',
              { on: endOn, ground: 'withdrawn', reason: '申请人书面申请撤回行政复议申请，经审查准予撤回' },
            ],
          );
          break;
        }
        case 'extended': {
          // Complex: +30 days asked by the 复议人员 and approved by the head of the 复议机构 (Art 62).
          const askOn = wd(answerOn, 15);
          steps.push(
            accept(a),
            [copyOn, 'fuyi', 'reconsideration.send-copy', { on: copyOn }],
            answer,
            [
              askOn,
              'fuyi',
              'reconsideration.request-extension',
              { days: 30, reason: '案情复杂，需调取林业部门的勘验资料，不能在规定期限内作出决定' },
            ],
            [askOn, 'fuyizhuren', 'reconsideration.approve', { kind: 'extension', opinion: '同意延长三十日' }],
          );
          break;
        }
        case 'refused': {
          const on = wd(receivedOn, 2);
          steps.push([
            on,
            'fuyi',
            'reconsideration.refuse',
            { on, ground: 'no-interest', reason: '申请人系被处罚人的邻居，与该处罚决定没有利害关系' },
          ]);
          break;
        }
        case 'deemed':
          steps.push([wd(receivedOn, 8), 'fuyi', 'reconsideration.deem-accepted', { hearingRequired: false }]);
          break;
        case 'correcting':
          steps.push([
            receivedOn,
            'fuyi',
            'reconsideration.request-correction',
            { on: receivedOn, items: '1. 请提供被申请复议的行政处罚决定书复印件；2. 请写明具体的复议请求；3. 请提供申请人身份证复印件。' },
          ]);
          break;
        default:
          break;
      }
      for (const [day, by, type, payload] of steps) {
        if (day > today) break;
        yifa.clock.source = () => new Date(`${day}T10:00:00+08:00`);
        await actOnRecord(yifa, who[by], RECONSIDERATIONS, id, type, payload);
      }
    }
  } finally {
    yifa.clock.source = realTime;
  }
  return made;
}
