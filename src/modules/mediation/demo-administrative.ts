/**
 * The demo's 行政调解: 妙泉镇人民政府's own staff (its officers `zhifa1` and `zhifa2`, its head
 * `fuzeren`) mediate a dozen disputes tied to the town's administrative work over the year —
 * compensation after a 林区用火 or 占道 case, a land-contract quarrel the township is asked to
 * settle, a dispute over who uses a piece of collective land — through the same use cases a
 * user takes, each step on its own day. The first ones arise from the town's penalty cases when
 * the demo has them (read from the kit's common table, as the gate reads them).
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { contextOfUser } from '../org/sessions.js';
import { actOnRecord, openRecord } from '../../procedure/service.js';
import { ADMIN_MEDIATIONS } from './admin-procedure.js';
import { PENALTY_CASE } from './admin-actions.js';
import type { Category } from './law.js';
import type { AdminBasis } from './admin-state.js';

const STORIES: {
  basis: AdminBasis;
  category: Category;
  facts: string;
  points: string;
  terms: string;
  amountFen: number;
  linked: boolean;
}[] = [
  {
    basis: 'civil',
    category: 'damages',
    facts: '当事人在林区焚烧杂草引燃邻近承包林地的林木，镇综合行政执法队已立案查处；受损方要求赔偿林木损失。',
    points: '林木损失数额及赔偿方式。',
    terms: '致害方赔偿受损方林木损失，并于来年春季补植同等数量的杉木苗。',
    amountFen: 320_000,
    linked: true,
  },
  {
    basis: 'civil',
    category: 'damages',
    facts: '当事人占用村道堆放建材被查处，堆放期间造成邻户车辆刮损，双方就修理费用发生争执。',
    points: '车辆修理费用的负担。',
    terms: '堆放建材方承担车辆修理费用的七成，另三成由车主自负。',
    amountFen: 85_000,
    linked: true,
  },
  {
    basis: 'landContract',
    category: 'land',
    facts: '两户承包地相邻，一方修建机耕道占用对方承包地约二十平方米，双方请求镇人民政府调解。',
    points: '被占承包地的补偿及机耕道的使用。',
    terms: '修路方按每平方米三十元一次性补偿，机耕道由双方共同使用、共同维护。',
    amountFen: 60_000,
    linked: false,
  },
  {
    basis: 'landRights',
    category: 'land',
    facts: '两个村民小组对交界处一片集体荒山的使用权存在争议，影响植树造林项目实施。',
    points: '荒山使用权的界线。',
    terms: '以山脊分水线为界，两组各自管护界线内林地，项目收益按面积分配。',
    amountFen: 0,
    linked: false,
  },
  {
    basis: 'civil',
    category: 'neighbour',
    facts: '村民翻建住房时搭设脚手架占用邻户院坝，双方多次争吵，村委会调处未果后报镇人民政府。',
    points: '施工期间院坝的使用及损坏的修复。',
    terms: '施工方在一个月内完工并拆除脚手架，恢复院坝原状，施工期间每日清扫。',
    amountFen: 0,
    linked: false,
  },
];

export async function seedDemoAdministrativeMediation(yifa: Yifa, party: () => Record<string, unknown>): Promise<number> {
  const today = yifa.clock.today();
  const at = (days: number) => () => new Date(`${addDays(today, -Math.max(0, days))}T10:30:00+08:00`);
  const on = (days: number) => addDays(today, -Math.max(0, days));
  const as = async (login: string): Promise<Request> => ({
    auth: await contextOfUser(yifa, login),
    idempotencyKey: null,
    denied: async () => {},
  });
  const zhifa1 = await as('zhifa1');
  const fuzeren = await as('fuzeren');
  const agencyId = zhifa1.auth.user.agencyId!;
  // The town's penalty cases, when the demo made them (`npm start` does; the test towns do not).
  const cases = await yifa.db.kysely
    .selectFrom('procedure_cases')
    .select(['id', 'opened_on'])
    .where('procedure', '=', PENALTY_CASE)
    .where('agency_id', '=', agencyId)
    .orderBy('opened_on')
    .orderBy('id')
    .limit(20)
    .execute();
  const COUNT = 12;
  let made = 0;
  for (let i = 0; i < COUNT; i++) {
    const s = STORIES[i % STORIES.length]!;
    const daysAgo = 340 - i * 28;
    // A linked case opened before the mediation's registration.
    const linked = s.linked ? cases.find((c) => c.opened_on <= on(daysAgo)) : undefined;
    yifa.clock.source = at(daysAgo);
    const opened = await openRecord(yifa, zhifa1, ADMIN_MEDIATIONS, 'admin-mediation.register', {
      registeredOn: on(daysAgo),
      source: i % 3 === 0 ? 'initiative' : 'application',
      basis: s.basis,
      category: s.category,
      partyA: party(),
      partyB: party(),
      facts: s.facts,
      points: s.points,
      penaltyCaseId: linked?.id ?? null,
    });
    made++;
    const step = async (who: Request, d: number, type: string, payload: Record<string, unknown>) => {
      yifa.clock.source = at(d);
      return actOnRecord(yifa, who, ADMIN_MEDIATIONS, opened.id, type, payload);
    };
    // The newest still waits for the parties' answer.
    if (daysAgo < 20) continue;
    if (i === 4) {
      await step(zhifa1, daysAgo - 1, 'admin-mediation.decline', {
        on: on(daysAgo - 1),
        refusedBy: opened.record.parties[1]!.name,
        note: '对方当事人不同意由镇人民政府调解，已告知可以向人民法院起诉。',
      });
      continue;
    }
    await step(zhifa1, daysAgo - 1, 'admin-mediation.consent', {
      on: on(daysAgo - 1),
      hosts: '镇综合行政执法办公室工作人员、司法所工作人员',
      note: '各方当事人均自愿接受镇人民政府调解。',
    });
    await step(fuzeren, daysAgo - 3, 'admin-mediation.record-session', {
      on: on(daysAgo - 3),
      place: '镇人民政府调解室',
      present: '双方当事人、镇综合行政执法队员、村干部',
      record: `工作人员听取双方陈述，释明相关法律规定。${s.points}经协商，双方各自作出让步。`,
    });
    if (i === 7) {
      await step(zhifa1, daysAgo - 6, 'admin-mediation.end', {
        on: on(daysAgo - 6),
        reason: '双方对赔偿数额分歧较大，经两次调解未能达成一致。',
        routes: '当事人可以依法向人民法院提起民事诉讼；涉及土地承包经营的，可以申请农村土地承包仲裁。',
      });
      continue;
    }
    await step(zhifa1, daysAgo - 5, 'admin-mediation.agreement', {
      on: on(daysAgo - 5),
      responsibility: '双方对纠纷的发生均负有一定责任。',
      terms: s.terms,
      performance: '自协议生效之日起十五日内履行完毕',
      amountFen: s.amountFen,
      signed: true,
    });
    if (daysAgo > 40)
      await step(zhifa1, daysAgo - 25, 'admin-mediation.follow-up', {
        on: on(daysAgo - 25),
        performance: 'full',
        note: '回访双方当事人，协议已按约履行。',
      });
  }
  return made;
}
