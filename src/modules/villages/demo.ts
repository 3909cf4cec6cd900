/**
 * 妙泉镇's 14 villages (the seed report: all 14 revised their 村规民约 and made the 村民代表会议
 * regular), made through the same use cases a user takes, each step on its own day on the
 * journal's clock: every village's first rules adopted, reviewed, filed and published more
 * than a year ago; five villages' second version this year, adopted at a recorded meeting;
 * 贵塘村's revision sent back by the town for a clause denying 外嫁女 their share; 大田村's
 * revision still being drafted; a year of quarterly 村民代表会议 with their decisions published
 * under 村务公开; and the customs reform's records (彩礼, 红白事). The clerk `cunwei` (the town's demo
 * login, made with the town) keeps 妙泉村's records; `cunwei.zhen` (the town's 驻村 clerk, login with the demo password) the
 * other villages'. Names are invented and obviously so (张某某).
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { contextOfUser } from '../org/sessions.js';
import { createUser } from '../org/service/users.js';
import { actOnRecord, openRecord } from '../../procedure/service.js';
import { REVIEW_POINT_IDS } from './law.js';
import { VILLAGE_MEETINGS, VILLAGE_RULES } from './procedures.js';

export const TOWN_CLERK_LOGIN = 'cunwei.zhen';

/** The rules of a village, version 1 or 2: the customs reform's clauses, numbered 第X条. */
export function rulesText(village: string, v: 1 | 2, marriedOutClause = false): string {
  const clauses = [
    '村民应当遵守宪法、法律、法规和国家政策，自觉维护社会公共秩序。',
    '弘扬社会主义核心价值观，尊老爱幼，邻里互助，家庭和睦。',
    `婚事新办，倡导不要彩礼或者低彩礼，彩礼不超过${v === 1 ? '五万元' : '三万元'}，不得借婚姻索取财物。`,
    `红白事从简办理，婚宴不超过${v === 1 ? '二十' : '十五'}桌，丧事不超过三天，不搞封建迷信活动。`,
    '除婚丧外，不办升学宴、满月酒、乔迁宴等其他宴席。',
    '爱护公共设施和环境卫生，垃圾分类投放，不乱堆乱放。',
    '严格野外用火管理，森林防火期内不得上坟烧纸、燃放鞭炮。',
    ...(v === 2 ? ['村红白理事会负责红白事的登记、指导和监督，每季度向村民代表会议报告。'] : []),
    ...(marriedOutClause ? ['外嫁女户口未迁出的，不再参加村集体经济收益分配。'] : []),
    '违反本村规民约的，由村民委员会进行批评教育，并在村务公开栏公示。',
    '本村规民约经村民代表会议表决通过，报镇人民政府备案后公布施行。',
  ];
  const preamble = `为推进${village}移风易俗、自治法治德治相结合，根据《中华人民共和国村民委员会组织法》，经广泛征求村民意见，制定本村规民约。\n`;
  return preamble + clauses.map((c, i) => `第${toChinese(i + 1)}条 ${c}\n`).join('');
}

function toChinese(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

const REVISED = ['妙泉村', '三坝村', '苗坝村', '凉桥村', '高楼村'];
const SENT_BACK = '贵塘村';
const DRAFTING = '大田村';
/** The village (by its place in the list) whose 村民代表会议 has too few women (Art 25 ¶2) */
const SHORT_OF_WOMEN = 6;
/** The quarterly 村民代表会议 of the year, days ago. */
const QUARTERS = [330, 240, 150, 60];

const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

const allPassed = () => Object.fromEntries(REVIEW_POINT_IDS.map((k) => [k, { ok: true, note: '经审查符合规定' }]));

export async function seedDemoVillages(yifa: Yifa, opts: { password: string }): Promise<void> {
  const realTime = yifa.clock.source;
  const today = yifa.clock.today();
  const admin: Request = { auth: await contextOfUser(yifa, 'admin'), idempotencyKey: null, denied: async () => {} };
  const sifasuoAuth = await contextOfUser(yifa, 'sifasuo');
  const sifasuo: Request = { auth: sifasuoAuth, idempotencyKey: null, denied: async () => {} };
  const db = yifa.db.kysely;
  const town = await db.selectFrom('regions').select(['id', 'path']).where('id', '=', sifasuoAuth.user.regionId).executeTakeFirstOrThrow();
  const villages = await db.selectFrom('regions').select(['id', 'name']).where('parent_id', '=', town.id).orderBy('path').execute();
  const agencyId = sifasuoAuth.user.agencyId;
  await createUser(yifa, admin, {
    username: TOWN_CLERK_LOGIN,
    displayName: '杨某某（镇驻村指导员，代各村村委会文书）',
    password: opts.password,
    agencyId,
    regionId: town.id,
    dataScope: 'subtree',
    roles: ['village_clerk'],
  });
  const clerk: Request = { auth: await contextOfUser(yifa, 'cunwei'), idempotencyKey: null, denied: async () => {} };
  const townClerk: Request = { auth: await contextOfUser(yifa, TOWN_CLERK_LOGIN), idempotencyKey: null, denied: async () => {} };
  const on = (daysAgo: number) => addDays(today, -daysAgo);
  const when = (daysAgo: number) => {
    yifa.clock.source = () => new Date(`${on(daysAgo)}T10:00:00+08:00`);
  };
  const reviewer = sifasuoAuth.user.displayName;

  try {
    for (const [i, v] of villages.entries()) {
      const who = v.name === '妙泉村' ? clerk : townClerk;
      const act = async (daysAgo: number, by: Request, id: string, type: string, payload: unknown) => {
        when(daysAgo);
        return actOnRecord(yifa, by, VILLAGE_RULES, id, type, payload);
      };
      const actMeeting = async (daysAgo: number, id: string, type: string, payload: unknown) => {
        when(daysAgo);
        return actOnRecord(yifa, who, VILLAGE_MEETINGS, id, type, payload);
      };
      const members = 30 + (i % 8);
      const present = members - 2 - (i % 3);
      const votes = { for: present - 2, against: 1, abstain: 1 };
      // Version 1, published more than a year ago.
      when(430);
      const opened = await openRecord(yifa, who, VILLAGE_RULES, 'village-rules.draft', {
        villageId: v.id,
        title: `《${v.name}村规民约》`,
        text: rulesText(v.name, 1),
        draftNote: '依据《关于做好村规民约和居民公约工作的指导意见》，将移风易俗、红白事标准写入村规民约。',
        draftedOn: on(430),
      });
      const id = opened.id;
      await act(425, who, id, 'village-rules.consult', {
        on: on(425),
        method: '入户走访、村民小组会议',
        participants: 120 + i * 7,
        opinions: '多数村民赞成限定彩礼和宴席桌数，部分村民建议明确红白理事会职责。',
        response: '采纳限定彩礼和宴席桌数的意见；红白理事会职责待下次修订时明确。',
      });
      await act(415, who, id, 'village-rules.adopt', {
        on: on(415),
        kind: 'representatives',
        basis: null,
        authorisation: `${v.name}村民会议授权村民代表会议讨论决定村规民约的制定和修改。`,
        meetingId: null,
        entitled: members,
        present,
        votes,
      });
      await act(405, sifasuo, id, 'village-rules.review', {
        on: on(405),
        items: allPassed(),
        opinion: '经审查，未发现与法律法规和国家政策相抵触的内容。',
        reviewer,
      });
      await act(404, sifasuo, id, 'village-rules.file', { on: on(404), note: '经审查，该村规民约符合法律规定，予以备案。' });
      await act(400, who, id, 'village-rules.publish', { on: on(400) });
      // The customs reform as the rules in force carry it out (each record's steps in the order of their days).
      await act(300, who, id, 'village-rules.record-implementation', {
        on: on(300),
        topic: 'bride-price',
        content: `本季度全村办理婚事${3 + (i % 4)}起，彩礼均未超过村规民约标准，${1 + (i % 2)}户不要彩礼。`,
        outcome: '红白理事会上门宣讲，村民普遍接受。',
      });
      const revising = REVISED.includes(v.name) ? 200 : v.name === SENT_BACK ? 120 : v.name === DRAFTING ? 30 : null;
      if (revising && revising > 30)
        await act(revising, who, id, 'village-rules.start-revision', {
          title: `《${v.name}村规民约》`,
          text: rulesText(v.name, 2, v.name === SENT_BACK),
          draftNote: '下调彩礼和宴席标准，明确红白理事会职责。',
          draftedOn: on(revising),
        });
      if (revising && revising > 30)
        await act(revising - 10, who, id, 'village-rules.consult', {
          on: on(revising - 10),
          method: '公示栏张贴修订稿、村民小组会议',
          participants: 90 + i * 5,
          opinions: '村民普遍赞成下调彩礼标准。',
          response: '全部采纳。',
        });
      // A year of quarterly meetings; the one after the revision's consultation adopts it.
      for (const [q, daysAgo] of QUARTERS.entries()) {
        const adopts = revising !== null && revising > 30 && daysAgo === (v.name === SENT_BACK ? 60 : 150);
        const mPresent = present - (q % 2);
        const mVotes = { for: mPresent - 2, against: 1, abstain: 1 };
        const decisions = [
          { subject: `${on(daysAgo).slice(0, 4)}年第${quarterOf(on(daysAgo))}季度村务、财务收支情况报告`, votes: mVotes, rulesId: null },
          { subject: q % 2 ? '村组道路硬化筹资筹劳方案' : '集体林地承包方案调整', votes: mVotes, rulesId: null },
          ...(adopts ? [{ subject: `审议《${v.name}村规民约（修订稿）》`, votes: mVotes, rulesId: id }] : []),
        ];
        when(daysAgo);
        const m = await openRecord(yifa, who, VILLAGE_MEETINGS, 'village-meeting.record', {
          villageId: v.id,
          kind: 'representatives',
          heldOn: on(daysAgo),
          basis: null,
          entitled: members,
          present: mPresent,
          // Art 25 ¶2: a third of the members women — one village short of it, its records saying so.
          womenMembers: Math.ceil(members / 3) + (i === SHORT_OF_WOMEN ? -3 : i % 3),
          convener: '村民委员会主任',
          place: `${v.name}村民委员会会议室`,
          agenda: decisions.map((d, k) => `${k + 1}. ${d.subject}`).join('\n'),
          decisions,
          minutes: '会议由村民委员会主任主持，逐项审议议题，与会代表充分发言后举手表决。',
        });
        if (adopts)
          await act(daysAgo, who, id, 'village-rules.adopt', {
            on: on(daysAgo),
            kind: 'representatives',
            basis: null,
            authorisation: `${v.name}村民会议授权村民代表会议讨论决定村规民约的制定和修改。`,
            meetingId: m.id,
            entitled: members,
            present: mPresent,
            votes: mVotes,
          });
        // The decisions go up on the 村务公开栏 within days; the latest meeting's last one not yet.
        for (const d of decisions.keys()) {
          if (daysAgo === 60 && d === decisions.length - 1 && v.name !== SENT_BACK) continue;
          await actMeeting(daysAgo - 3, m.id, 'village-meeting.publicize', {
            decision: d + 1,
            on: on(daysAgo - 3),
            content: `${decisions[d]!.subject}：经村民代表会议表决通过（同意${mVotes.for}票）。`,
          });
        }
        if (adopts && v.name === SENT_BACK) {
          const items = allPassed();
          items.womenEqualRights = {
            ok: false,
            note: '第九条“外嫁女户口未迁出的，不再参加村集体经济收益分配”以婚嫁为由剥夺妇女的集体收益分配权，应当删除。',
          };
          await act(daysAgo - 10, sifasuo, id, 'village-rules.review', {
            on: on(daysAgo - 10),
            items,
            opinion: '第九条侵害外嫁女的集体经济组织成员权益，违反妇女权益保障法第五十六条，退回修改后重新表决。',
            reviewer,
          });
        } else if (adopts) {
          await act(daysAgo - 10, sifasuo, id, 'village-rules.review', {
            on: on(daysAgo - 10),
            items: allPassed(),
            opinion: '经审查，修订稿未发现与法律法规和国家政策相抵触的内容。',
            reviewer,
          });
          await act(daysAgo - 12, sifasuo, id, 'village-rules.file', { on: on(daysAgo - 12), note: '予以备案。' });
          await act(daysAgo - 15, who, id, 'village-rules.publish', { on: on(daysAgo - 15) });
        }
      }
      await act(40, who, id, 'village-rules.record-implementation', {
        on: on(40),
        topic: 'ceremonies',
        content: `本季度办理丧事${2 + (i % 3)}起、婚宴${1 + (i % 3)}起，宴席均未超过规定桌数；劝阻升学宴${i % 3}起。`,
        outcome: '红白事办理标准执行良好。',
      });
      // 大田村's revision, begun last month, is still with the villagers.
      if (v.name === DRAFTING) {
        await act(30, who, id, 'village-rules.start-revision', {
          title: `《${v.name}村规民约》`,
          text: rulesText(v.name, 2),
          draftNote: '下调彩礼和宴席标准，明确红白理事会职责。',
          draftedOn: on(30),
        });
        await act(20, who, id, 'village-rules.consult', {
          on: on(20),
          method: '入户走访',
          participants: 60,
          opinions: '部分村民认为宴席十五桌仍偏多。',
          response: '正在研究，拟在表决前答复。',
        });
      }
    }
  } finally {
    yifa.clock.source = realTime;
  }
}
