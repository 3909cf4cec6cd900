/**
 * 妙泉镇's 人民调解 (the seed report: 1 town committee, 6 village committees, 32 groups, 260+
 * disputes a year), made through the same use cases a user takes: the 司法所 registers the
 * committees, and each committee's mediator registers and mediates its disputes, each step on
 * its own day on the journal's clock. The mediator `tiaojie` sits on 妙泉村's committee; each
 * other committee has its own mediator account. Names are invented and obviously so (张某某).
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { contextOfUser } from '../org/sessions.js';
import { createPerson } from '../org/service/people.js';
import { createUser } from '../org/service/users.js';
import { actOnRecord, openRecord } from '../../procedure/service.js';
import { createCommittee } from './committees.js';
import { DISPUTES } from './procedure.js';
import type { Category } from './law.js';
import { idCheckChar } from '../../platform/identity/numbers.js';
import { seedDemoScreenings } from './demo-screening.js';
import { seedDemoRoster } from './demo-roster.js';
import { seedDemoAdministrativeMediation } from './demo-administrative.js';

/**
 * The village committees. 妙泉村's mediator is the town's demo mediator, tiaojie; the town
 * committee's full-time mediator (login `tiaojie.zhen`) also sits on the other five villages'
 * committees (驻村), so one more login covers them: each login costs a password hash, which
 * is most of what the demo's start-up time pays for accounts.
 */
const VILLAGES = [
  { name: '妙泉村', login: 'tiaojie', groups: 5 },
  { name: '贵塘村', login: 'tiaojie.zhen', groups: 5 },
  { name: '大田村', login: 'tiaojie.zhen', groups: 5 },
  { name: '三坝村', login: 'tiaojie.zhen', groups: 5 },
  { name: '苗坝村', login: 'tiaojie.zhen', groups: 5 },
  { name: '凉桥村', login: 'tiaojie.zhen', groups: 5 },
] as const;
/** The town committee's mediator logs in with the demo password too; he is not among the start banner's logins (the test towns seed only the org's demo, and the security tests log in as each listed login). */
export const TOWN_MEDIATOR_LOGIN = 'tiaojie.zhen';

const SURNAMES = ['田', '杨', '吴', '龙', '石', '白', '彭', '冉', '何', '罗', '张', '李', '陈', '刘', '黄', '周', '向', '姚'];

/** A deterministic sequence, so the demo is the same every time. */
function sequence(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

/** An invented, checksum-valid 居民身份证号码 of 秀山县. */
function idNumber(n: number): string {
  const born = `19${50 + (n % 50)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`;
  const first = `500241${born}${String(n % 1000).padStart(3, '0')}`;
  return first + idCheckChar(first);
}

/** The categories as a village meets them (land, neighbours and families most), with what each is about. */
const STORIES: { category: Category; weight: number; facts: string; points: string; terms: string; money: boolean }[] = [
  {
    category: 'land',
    weight: 18,
    facts: '双方承包地相邻，因土地承包经营权边界不清发生争执。',
    points: '承包地界址及地上青苗归属。',
    terms: '双方以二轮承包合同四至为准，共同埋设界桩；争议地块青苗由种植方收割后交还。',
    money: false,
  },
  {
    category: 'neighbour',
    weight: 16,
    facts: '双方为邻居，因排水沟堵塞、通行道路占用发生口角。',
    points: '排水沟疏通责任及通行道路宽度。',
    terms: '双方共同出工疏通排水沟，保留通行道路宽度不少于一点五米。',
    money: false,
  },
  {
    category: 'family',
    weight: 14,
    facts: '当事人系家庭成员，因赡养老人、家庭财产分配发生矛盾。',
    points: '赡养费负担及老人居住安排。',
    terms: '子女按月支付赡养费，老人由长子照料居住，其他子女轮流探望。',
    money: true,
  },
  {
    category: 'homestead',
    weight: 10,
    facts: '双方因宅基地建房滴水、界墙位置发生争议。',
    points: '界墙位置和屋檐滴水范围。',
    terms: '界墙按原址重砌，屋檐加装接水槽，费用双方各半。',
    money: true,
  },
  {
    category: 'damages',
    weight: 9,
    facts: '一方饲养的牲畜损坏另一方农作物。',
    points: '损失数额及赔偿方式。',
    terms: '饲养方一次性赔偿农作物损失，并圈养牲畜。',
    money: true,
  },
  {
    category: 'contract',
    weight: 7,
    facts: '双方因农产品买卖合同货款结算发生争议。',
    points: '欠付货款数额及支付期限。',
    terms: '买方分两期付清货款。',
    money: true,
  },
  {
    category: 'labour',
    weight: 5,
    facts: '务工人员与包工方因工资结算发生争议。',
    points: '欠付工资数额。',
    terms: '包工方于约定日期前一次性支付欠付工资。',
    money: true,
  },
  {
    category: 'traffic',
    weight: 5,
    facts: '双方在村道发生摩托车与三轮车刮擦事故。',
    points: '事故责任划分及车辆修理费。',
    terms: '按责任比例分担修理费和医药费。',
    money: true,
  },
  {
    category: 'business',
    weight: 4,
    facts: '双方合伙经营茶园，因收益分配发生争议。',
    points: '茶园收益分配比例。',
    terms: '按出资比例分配当年收益，次年起重新签订合伙协议。',
    money: true,
  },
  {
    category: 'expropriation',
    weight: 3,
    facts: '当事人之间因征地补偿款在家庭成员间的分配发生争议。',
    points: '补偿款分配份额。',
    terms: '补偿款按家庭人口均分。',
    money: true,
  },
  {
    category: 'environment',
    weight: 2,
    facts: '养殖场粪污排放影响相邻农户生活。',
    points: '污染治理措施及补偿。',
    terms: '养殖场限期建设沼气池并补偿相邻农户。',
    money: true,
  },
  {
    category: 'consumer',
    weight: 2,
    facts: '村民购买的农机具存在质量问题，与经销商发生争议。',
    points: '退换货及损失承担。',
    terms: '经销商更换农机具并承担运费。',
    money: false,
  },
  {
    category: 'medical',
    weight: 1,
    facts: '村民在村卫生室就诊后病情加重，与卫生室发生争议。',
    points: '医疗费用承担。',
    terms: '卫生室退还诊疗费并补偿部分医疗费用。',
    money: true,
  },
  {
    category: 'property',
    weight: 1,
    facts: '安置小区业主与物业服务方因物业费发生争议。',
    points: '物业费标准及服务质量。',
    terms: '物业方整改绿化和照明，业主补交物业费。',
    money: true,
  },
  {
    category: 'other',
    weight: 3,
    facts: '双方因婚丧事宜占用公共场地发生争执。',
    points: '公共场地使用安排。',
    terms: '双方按村规民约错时使用公共场地。',
    money: false,
  },
];
const WEIGHT_TOTAL = STORIES.reduce((a, s) => a + s.weight, 0);

/** The demo's mediation: committees, groups, and a year of disputes. */
export async function seedDemoMediation(yifa: Yifa, opts: { password: string }): Promise<number> {
  const realTime = yifa.clock.source;
  const today = yifa.clock.today();
  const admin: Request = { auth: await contextOfUser(yifa, 'admin'), idempotencyKey: null, denied: async () => {} };
  const sifasuo: Request = { auth: await contextOfUser(yifa, 'sifasuo'), idempotencyKey: null, denied: async () => {} };
  const tiaojie = await contextOfUser(yifa, 'tiaojie');
  const agencyId = tiaojie.user.agencyId!;
  const town = await yifa.db.kysely
    .selectFrom('regions')
    .select(['id', 'path'])
    .where('id', '=', tiaojie.user.regionId)
    .executeTakeFirstOrThrow();
  const villages = await yifa.db.kysely.selectFrom('regions').select(['id', 'name']).where('parent_id', '=', town.id).execute();
  const regionOf = (name: string) => villages.find((v) => v.name === name)!.id;
  let n = 0;
  const person = async (regionId: string, post: string) => {
    n++;
    const name = `${SURNAMES[n % SURNAMES.length]}某某`;
    const p = await createPerson(yifa, admin, {
      name,
      agencyId,
      regionId,
      post,
      idNumber: idNumber(5000 + n),
      phone: `1390230${String(1000 + n).slice(-4)}`,
    });
    return p.id;
  };
  /** A committee of five (two women), its mediator first; its groups. */
  const committee = async (
    name: string,
    kind: 'town' | 'village',
    regionId: string,
    mediatorPersonId: string | null,
    groups: number,
    groupPlace: string,
  ) => {
    const ids = [mediatorPersonId ?? (await person(regionId, `${name}调解员`))];
    for (let i = 0; i < 4; i++) ids.push(await person(regionId, i === 0 ? `${name}主任` : `${name}委员`));
    const created = await createCommittee(yifa, sifasuo, {
      name,
      kind,
      regionId,
      termStart: '2024-07-01',
      multiEthnic: true,
      members: ids.map((personId, i) => ({
        personId,
        position: i === 1 ? 'chair' : i === 2 ? 'deputy' : 'member',
        gender: i === 2 || i === 4 ? 'female' : 'male',
        minority: i !== 3,
      })),
      groups: Array.from({ length: groups }, (_, g) => ({ name: `${groupPlace}第${g + 1}调解小组`, leaderPersonId: null })),
    });
    return { id: created.id, mediator: ids[0]! };
  };

  const townCommittee = await committee('妙泉镇人民调解委员会', 'town', town.id, null, 2, '镇调委会');
  const mediatorOf = (login: string) => (login === 'tiaojie' ? tiaojie.user.personId! : townCommittee.mediator);
  const acting = new Map<string, Request>();
  const actAs = async (username: string) => {
    const r = acting.get(username) ?? { auth: await contextOfUser(yifa, username), idempotencyKey: null, denied: async () => {} };
    acting.set(username, r);
    return r;
  };
  await createUser(yifa, admin, {
    username: TOWN_MEDIATOR_LOGIN,
    displayName: '妙泉镇调委会专职调解员',
    password: opts.password,
    personId: townCommittee.mediator,
    agencyId,
    regionId: town.id,
    dataScope: 'subtree',
    roles: ['mediator'],
  });
  const committees = [{ ...townCommittee, login: TOWN_MEDIATOR_LOGIN as string }];
  for (const v of VILLAGES) {
    const c = await committee(`${v.name}人民调解委员会`, 'village', regionOf(v.name), mediatorOf(v.login), v.groups, v.name);
    committees.push({ ...c, login: v.login });
  }

  const rand = sequence(20260101);
  const on = (daysAgo: number) => addDays(today, -daysAgo);
  const at = (daysAgo: number) => () => new Date(`${on(daysAgo)}T${String(9 + (daysAgo % 8)).padStart(2, '0')}:20:00+08:00`);
  const pick = () => {
    let r = rand(WEIGHT_TOTAL);
    for (const s of STORIES) {
      r -= s.weight;
      if (r < 0) return s;
    }
    return STORIES[0]!;
  };
  let partyNo = 0;
  const party = () => {
    partyNo++;
    return {
      kind: 'citizen' as const,
      name: `${SURNAMES[(partyNo * 7) % SURNAMES.length]}某某`,
      idNumber: idNumber(partyNo),
      phone: `1380230${String(1000 + (partyNo % 9000)).slice(-4)}`,
      address: null,
    };
  };

  const COUNT = 264;
  let made = 0;
  try {
    for (let i = 0; i < COUNT; i++) {
      // Spread over the year, the newest last; the last dozen still under way.
      const daysAgo = Math.max(1, 360 - Math.floor((i * 358) / COUNT));
      const c = committees[i % 13 < 2 ? 0 : 1 + (i % 6)]!;
      const who = await actAs(c.login);
      const s = pick();
      const source = rand(10) < 6 ? 'application' : rand(10) < 7 ? 'initiative' : 'referral';
      const step = async (d: number, type: string, payload: Record<string, unknown>) => {
        yifa.clock.source = at(Math.max(0, d));
        return actOnRecord(yifa, who, DISPUTES, opened.id, type, payload);
      };
      yifa.clock.source = at(daysAgo);
      const opened = await openRecord(yifa, who, DISPUTES, 'dispute.register', {
        committeeId: c.id,
        registeredOn: on(daysAgo),
        source,
        referredBy: source === 'referral' ? (['court', 'police', 'petition', 'agency'] as const)[rand(4)] : null,
        category: s.category,
        partyA: party(),
        partyB: party(),
        facts: s.facts,
        points: s.points,
      });
      made++;
      // The newest still under way; a few older ones too, past the committee's 30 days (the 工作台 shows them overdue).
      const open = daysAgo <= 12 || (daysAgo <= 75 && i % 9 === 0);
      const fate = rand(100);
      if (fate < 4) {
        await step(daysAgo - 1, 'dispute.decline', {
          on: on(daysAgo - 1),
          refusedBy: opened.record.parties[1]!.name,
          note: '一方明确表示不接受调解，已告知可向人民法院起诉。',
        });
        continue;
      }
      if (open && i % 4 === 0) continue;
      await step(daysAgo - 1, 'dispute.consent', { on: on(daysAgo - 1), note: '各方当事人均表示同意接受人民调解委员会调解。' });
      await step(daysAgo - 1, 'dispute.assign-mediators', { on: on(daysAgo - 1), chosen: false, personIds: [c.mediator] });
      if (open && i % 4 === 1) continue;
      const sessionAgo = daysAgo - 2 - rand(5);
      await step(sessionAgo, 'dispute.record-session', {
        on: on(Math.max(0, sessionAgo)),
        place: '村委会调解室',
        present: '双方当事人、调解员、村民小组长',
        record: `调解员听取双方陈述，释明相关法律规定。${s.points}经耐心疏导，双方情绪平稳。`,
      });
      if (open) continue;
      const doneAgo = sessionAgo - rand(3);
      const amountFen = s.money ? (2000 + rand(30000)) * 100 : 0;
      if (fate < 16) {
        await step(doneAgo, 'dispute.end', {
          on: on(doneAgo),
          reason: '双方分歧较大，经多次调解未能达成一致。',
          routes: '当事人可以依法向人民法院提起诉讼，涉及土地承包经营的可以申请农村土地承包仲裁。',
        });
        continue;
      }
      if (fate < 40) {
        await step(doneAgo, 'dispute.oral-agreement', { on: on(doneAgo), terms: s.terms, performance: '当场履行', amountFen });
      } else {
        await step(doneAgo, 'dispute.written-agreement', {
          on: on(doneAgo),
          terms: s.terms,
          performance: '自协议生效之日起三十日内履行完毕',
          amountFen,
          responsibility: '双方对纠纷的发生均负有一定责任。',
          signed: true,
        });
        if (fate >= 88 && doneAgo > 20) {
          await step(doneAgo - 10, 'dispute.apply-confirmation', {
            appliedOn: on(doneAgo - 10),
            court: '秀山土家族苗族自治县人民法院',
            joint: true,
          });
          await step(doneAgo - 20, 'dispute.record-court-result', {
            on: on(doneAgo - 20),
            result: 'confirmed',
            note: '（2026）渝0241民特号裁定确认调解协议有效。',
          });
        }
      }
      if (doneAgo > 30)
        await step(doneAgo - 30, 'dispute.follow-up', {
          on: on(doneAgo - 30),
          performance: fate % 7 === 0 ? 'partial' : 'full',
          note: '回访双方当事人，协议已按约履行，双方关系和睦。',
        });
    }
    // The villages' monthly screening rounds; the items they take into mediation add to the disputes.
    const villages = await Promise.all(
      VILLAGES.map(async (v, i) => ({
        id: committees[i + 1]!.id,
        name: v.name,
        mediatorPersonId: committees[i + 1]!.mediator,
        request: await actAs(v.login),
      })),
    );
    made += await seedDemoScreenings(yifa, villages, party);
    await seedDemoRoster(
      yifa,
      sifasuo,
      VILLAGES.map((v, i) => ({ regionId: regionOf(v.name), name: v.name, request: villages[i]!.request })),
      [...new Set(committees.map((c) => c.mediator))],
    );
    // 行政调解 by the town government's own staff (counted apart from these disputes).
    await seedDemoAdministrativeMediation(yifa, party);
  } finally {
    yifa.clock.source = realTime;
  }
  return made;
}
