/**
 * A year of petitions to 妙泉镇, weighted toward land acquisition and demolition (征地拆迁)
 * and land reclamation (土地复垦) as the seed describes, made through the same actions the
 * portal and the 信访干部 take, each on its own day on the journal's clock: accepted and
 * answered with each outcome, one through 复查 and 复核 and a repeat refused after it, a
 * group visit by representatives, items sent into legal procedures (one opened as a 案源 in
 * yifa), transferred and
 * assigned, an extension approved and one waiting, one overdue, and new ones not yet routed.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { contextOfUser } from '../org/sessions.js';
import { actOnRecord, openRecord } from '../../procedure/service.js';
import { publicRequest } from '../../procedure/portal.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';
import { PETITIONS } from './procedure.js';
import type { Category, Channel, Outcome } from './state.js';
import { withIdCheckChar } from '../../platform/identity/numbers.js';

type Who = 'xinfang' | 'fuzeren' | 'petitioner';
type Step = [daysAgo: number, who: Who, type: string, payload: (on: (d: number) => string) => Record<string, unknown>];

const person = (name: string, n: number, village: string) => ({
  name,
  idNumber: withIdCheckChar(`50024119${60 + (n % 30)}0${(n % 9) + 1}1${String(100 + n).slice(-2)}${n % 10}${n % 10}`.slice(0, 17)),
  phone: `1378${String(2000000 + n * 7919).slice(-7)}`,
  address: `妙泉镇${village}${(n % 7) + 1}组${n + 20}号`,
});

interface Story {
  daysAgo: number;
  channel: Channel;
  names: string[];
  village: string;
  category: Category;
  request: string;
  facts: string;
  groupSize?: number;
  source?: 'direct' | 'transferred';
  /** The story (by its index) whose petition this one repeats */
  repeats?: number;
  /** The story (by its index) whose petitioner comes again about the same thing: registered as him, then merged into that petition */
  duplicates?: number;
  steps?: Step[];
}

const accept = (d: number): Step => [d, 'xinfang', 'petition.accept', (on) => ({ on: on(d) })];
const note = (d: number, text: string): Step => [d, 'xinfang', 'petition.add-note', (on) => ({ on: on(d), kind: 'visit', text })];
const opinion = (d: number, outcome: Outcome, facts: string, basis: string, text: string): Step => [
  d,
  'xinfang',
  'petition.issue-opinion',
  (on) => ({ on: on(d), servedOn: on(d), outcome, facts, basis, text }),
];
const rate = (d: number, rating: string, comment: string | null = null): Step => [
  d,
  'xinfang',
  'petition.rate',
  (on) => ({ on: on(d), rating, comment }),
];

const COMPENSATION = '《中华人民共和国土地管理法》第四十八条；《重庆市实施〈中华人民共和国土地管理法〉办法》';

const STORIES: Story[] = [
  {
    daysAgo: 340,
    channel: 'visit',
    names: ['吴某某'],
    village: '贵塘村',
    category: 'land-acquisition',
    request: '要求补发贵塘村产业路征地青苗补偿款',
    facts: '2025年产业路建设征用本人承包地1.2亩，地上青苗补偿款至今未发放到户。',
    steps: [
      accept(338),
      note(330, '会同贵塘村委会核对征地台账，该户青苗补偿款因银行账户信息错误被退回。'),
      opinion(318, 'support', '该户青苗补偿款因账户信息错误被退回，属实。', COMPENSATION, '责成镇财政所于15日内将青苗补偿款重新发放到户。'),
      rate(310, 'satisfied'),
    ],
  },
  {
    daysAgo: 300,
    channel: 'visit',
    names: ['杨某甲', '杨某乙', '田某某', '龙某某', '白某某'],
    groupSize: 23,
    village: '大田村',
    category: 'land-acquisition',
    request: '要求提高大田村集镇扩建项目征地补偿标准',
    facts: '23户村民认为集镇扩建项目征地补偿标准低于邻镇同类项目，推选5名代表走访反映。',
    steps: [
      accept(299),
      note(290, '查阅县政府征地补偿安置方案公告，补偿标准按全县统一的区片综合地价执行。'),
      [
        280,
        'xinfang',
        'petition.hold-hearing',
        (on) => ({
          on: on(280),
          participants: '信访人代表5名、镇自然资源所、大田村委会、县自然资源局派员',
          summary: '听取代表意见，县自然资源局说明区片综合地价的测算依据，代表对社保安置部分提出补充意见。',
        }),
      ],
      opinion(
        260,
        'explain',
        '补偿标准按县政府公布的区片综合地价执行，与邻镇差异系区片等级不同所致。',
        COMPENSATION,
        '补偿标准符合规定；对社保安置的合理诉求，已报请县人社局按政策纳入。',
      ),
      [
        250,
        'xinfang',
        'petition.request-review',
        (on) => ({ on: on(250), body: '秀山县人民政府', reason: '代表认为区片等级划分不合理，请求复查。' }),
      ],
      [
        225,
        'xinfang',
        'petition.review-reply',
        (on) => ({
          on: on(225),
          servedOn: on(225),
          outcome: 'uphold',
          text: '经复查，区片等级划分依照县政府批准的方案执行，维持原处理意见。',
        }),
      ],
      [
        210,
        'xinfang',
        'petition.request-recheck',
        (on) => ({ on: on(210), body: '重庆市人民政府信访办公室', reason: '对复查意见不服，请求复核。' }),
      ],
      [
        185,
        'xinfang',
        'petition.recheck-reply',
        (on) => ({
          on: on(185),
          servedOn: on(185),
          outcome: 'uphold',
          text: '经复核，原处理意见和复查意见认定事实清楚、依据正确，予以维持。',
        }),
      ],
      rate(180, 'dissatisfied', '补偿标准仍然偏低'),
    ],
  },
  {
    daysAgo: 270,
    channel: 'letter',
    names: ['刘某某'],
    village: '三坝村',
    category: 'land-reclamation',
    request: '要求对三坝村废弃砖厂复垦后的耕地重新丈量确权',
    facts: '废弃砖厂土地复垦项目验收后，本人户承包地面积比原来少0.3亩。',
    steps: [
      accept(262),
      note(250, '会同镇自然资源所现场丈量，复垦后地块面积与确权登记一致，减少部分为新修田间道路占用。'),
      opinion(
        220,
        'reject',
        '面积减少系复垦设计的田间道路占用，已按规定给予一次性补偿。',
        '《土地复垦条例》第十九条',
        '请求缺乏事实根据，不予支持。',
      ),
      rate(212, 'basically-satisfied'),
    ],
  },
  {
    daysAgo: 240,
    channel: 'phone',
    names: ['陈某某'],
    village: '苗坝村',
    category: 'social-security',
    request: '反映建筑工地拖欠农民工工资',
    facts: '在县城某建筑工地务工三个月，工资2.4万元至今未付。',
    steps: [
      [
        238,
        'xinfang',
        'petition.decline',
        (on) => ({
          on: on(238),
          route: 'arbitration',
          reason: '拖欠劳动报酬属于劳动争议，依法应当申请劳动人事争议仲裁或者向劳动保障监察机构投诉。',
        }),
      ],
    ],
  },
  {
    daysAgo: 200,
    channel: 'letter',
    names: ['罗某某'],
    village: '凉桥村',
    category: 'environment',
    request: '反映县城某化工企业夜间排放异味',
    facts: '企业位于县工业园区，不在妙泉镇辖区。',
    steps: [
      [
        195,
        'xinfang',
        'petition.transfer',
        (on) => ({ on: on(195), to: '秀山县生态环境局', reason: '企业位于县工业园区，生态环境执法属县生态环境局职责。' }),
      ],
    ],
  },
  {
    daysAgo: 170,
    channel: 'visit',
    names: ['石某某'],
    village: '高楼村',
    category: 'land-acquisition',
    request: '要求解决高楼村安置房建设进度缓慢问题',
    facts: '2024年房屋征收后签订产权调换协议，安置房至今未交付，过渡费已停发。',
    steps: [
      [
        168,
        'xinfang',
        'petition.assign',
        (on) => ({ on: on(168), to: '妙泉镇村镇建设服务中心', reason: '请核查安置房建设进度和过渡费发放情况，30日内报送办结报告。' }),
      ],
      [
        140,
        'xinfang',
        'petition.record-report',
        (on) => ({ on: on(140), text: '安置房主体已完工，预计年底交付；过渡费已恢复发放并补发停发期间的费用。' }),
      ],
    ],
  },
  // The group's request again, on the same facts, after 复核: not accepted (Art 36).
  {
    daysAgo: 150,
    channel: 'visit',
    names: ['杨某甲'],
    village: '大田村',
    category: 'land-acquisition',
    request: '要求提高大田村集镇扩建项目征地补偿标准',
    facts: '仍认为集镇扩建项目征地补偿标准低于邻镇同类项目。',
    repeats: 1,
    steps: [
      [
        148,
        'xinfang',
        'petition.decline',
        (on) => ({
          on: on(148),
          route: 'concluded',
          reason: '该信访事项已于此前经复查、复核，复核意见已送达，您以同一事实和理由再次提出，不再受理。',
        }),
      ],
    ],
  },
  {
    daysAgo: 130,
    channel: 'online',
    names: ['彭某某'],
    village: '妙泉村',
    category: 'land-contract',
    request: '要求调处与邻户的承包地边界纠纷',
    facts: '邻户在承包地边界修建围墙，占用本人承包地约20平方米。',
    steps: [
      [
        128,
        'xinfang',
        'petition.decline',
        (on) => ({
          on: on(128),
          route: 'arbitration',
          reason:
            '承包地边界纠纷属于农村土地承包经营纠纷，可以申请村民委员会、乡（镇）人民政府调解，或者向农村土地承包仲裁委员会申请仲裁。',
        }),
      ],
    ],
  },
  {
    daysAgo: 110,
    channel: 'visit',
    names: ['冉某某'],
    village: '贵塘村',
    category: 'land-acquisition',
    request: '要求按新标准补偿贵塘村房屋拆迁附属设施',
    facts: '拆迁评估时遗漏了院坝、围墙和沼气池等附属设施。',
    steps: [
      accept(108),
      note(95, '会同评估机构复核，院坝和沼气池确有遗漏，围墙已计入。'),
      [60, 'xinfang', 'petition.request-extension', (on) => ({ days: 20, reason: `需等待评估机构出具补充评估报告（${on(60)} 申请）` })],
      [59, 'fuzeren', 'petition.approve', () => ({ kind: 'extension', opinion: '同意延长20日，请告知信访人延期理由。' })],
      opinion(
        40,
        'support',
        '院坝和沼气池在拆迁评估时遗漏，属实。',
        COMPENSATION,
        '补充评估后增补补偿款，由镇征收办与信访人签订补充协议。',
      ),
    ],
  },
  {
    daysAgo: 75,
    channel: 'letter',
    names: ['滕某某'],
    village: '大田村',
    category: 'land-reclamation',
    request: '反映大田村土地复垦项目施工破坏灌溉水渠',
    facts: '复垦项目施工车辆压坏村里的灌溉水渠，影响春耕。',
    steps: [accept(70), note(60, '现场查看，水渠约30米损毁，施工单位承认系其车辆所致。')],
  },
  {
    daysAgo: 62,
    channel: 'visit',
    names: ['姚某某'],
    village: '三坝村',
    category: 'land-acquisition',
    request: '要求解决三坝村渝湘高铁征地的社保安置问题',
    facts: '被征地后已满60周岁，尚未纳入被征地农民养老保险。',
    steps: [accept(60), [3, 'xinfang', 'petition.request-extension', () => ({ days: 30, reason: '需县人社局核定参保资格' })]],
  },
  {
    daysAgo: 40,
    channel: 'letter',
    names: ['侯某某'],
    village: '苗坝村',
    category: 'civil-affairs',
    request: '申请将本户纳入农村低保',
    facts: '家中两人患重病，收入难以维持基本生活。',
    source: 'transferred',
    steps: [],
  },
  {
    daysAgo: 20,
    channel: 'visit',
    names: ['黄某某'],
    village: '凉桥村',
    category: 'land-acquisition',
    request: '反映凉桥村征地后剩余边角地无法耕种要求一并征收',
    facts: '征地后剩余0.2亩边角地被道路隔断，无法耕种。',
    steps: [],
  },
  {
    daysAgo: 8,
    channel: 'online',
    names: ['麻某某'],
    village: '高楼村',
    category: 'construction',
    request: '反映高楼村通组公路硬化工程质量问题',
    facts: '去年硬化的通组公路已出现多处开裂。',
    steps: [],
  },
  {
    daysAgo: 2,
    channel: 'phone',
    names: ['杨某丙'],
    village: '妙泉村',
    category: 'land-reclamation',
    request: '咨询妙泉村土地复垦后耕地的承包经营安排',
    facts: '复垦后新增耕地由村集体统一发包，本户未分到。',
    steps: [],
  },
  {
    daysAgo: 1,
    channel: 'letter',
    names: ['黄某某'],
    village: '凉桥村',
    category: 'land-acquisition',
    request: '再次反映凉桥村征地后剩余边角地无法耕种，要求一并征收',
    facts: '此前已来访反映，剩余边角地仍无法耕种。',
    duplicates: 12,
  },
  {
    daysAgo: 4,
    channel: 'letter',
    names: ['石某某'],
    village: '贵塘村',
    category: 'land-reclamation',
    request: '反映贵塘村某石材加工厂在复垦后的耕地上堆放废石料，要求依法查处',
    facts: '今年复垦验收的耕地约两亩被该厂用来堆放废石料，村里劝阻无效。',
    // A matter for the officers (Art 31): opened as a 信访转办 案源 in the same step, awaiting their 立案 decision.
    steps: [
      [
        3,
        'xinfang',
        'petition.route-to-case-source',
        (on) => ({
          on: on(3),
          reason: '您反映的在耕地上堆放废石料的行为，属于镇综合行政执法的查处范围，已转为行政处罚案源，由执法人员依法核查处理。',
          field: '综合行政执法',
          // The factory's own address, not a villager's (the petitioners' addresses are '…村N组').
          party: {
            kind: 'organisation',
            name: '秀山县妙泉镇某石材加工厂',
            idNumber: null,
            phone: null,
            address: '秀山县妙泉镇贵塘村石材加工点',
          },
        }),
      ],
    ],
  },
  {
    daysAgo: 55,
    channel: 'visit',
    names: ['冉某某'],
    village: '龙凤村',
    category: 'construction',
    request: '要求赔偿村里修建产业路时损毁的果树',
    facts: '今年春天修建产业路，推倒了本户李子树30株，村里一直未给说法。',
    // Settled by the parties' agreement, the town mediating (Art 33): no opinion follows.
    steps: [
      accept(54),
      note(45, '会同龙凤村村委会现场清点，确认损毁李子树30株。'),
      [
        40,
        'xinfang',
        'petition.record-agreement',
        (on) => ({
          on: on(40),
          kind: 'mediation',
          parties: '冉某某；龙凤村村民委员会',
          terms: '龙凤村村民委员会按每株80元补偿被损毁的李子树30株，共计2400元；冉某某不再就此事提出其他请求。',
          performance: '协议签订之日起30日内一次付清。',
        }),
      ],
    ],
  },
];

export async function seedDemoPetitions(yifa: Yifa): Promise<number> {
  const realTime = yifa.clock.source;
  const today = yifa.clock.today();
  const on = (daysAgo: number) => addDays(today, -daysAgo);
  const at = (daysAgo: number) => () => new Date(`${on(daysAgo)}T${String(9 + (daysAgo % 7)).padStart(2, '0')}:40:00+08:00`);
  const clerk: Request = { auth: await contextOfUser(yifa, 'xinfang'), denied: async () => {} };
  const head: Request = { auth: await contextOfUser(yifa, 'fuzeren'), denied: async () => {} };
  const agency = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'regions.path'])
    .where('agencies.id', '=', clerk.auth.user.agencyId!)
    .executeTakeFirstOrThrow();
  const petitioner = publicRequest(yifa, null, { agencyId: agency.id, regionPath: agency.path }, '信访人（网上）');
  const who: Record<Who, Request> = { xinfang: clerk, fuzeren: head, petitioner };
  let n = 0;
  const numbers: (string | null)[] = [];
  try {
    for (const s of STORIES) {
      n++;
      yifa.clock.source = at(s.daysAgo);
      const payload = {
        channel: s.channel,
        source: s.source ?? 'direct',
        receivedOn: on(s.daysAgo),
        // A duplicate's petitioner is the earlier story's, the same ID number and phone.
        petitioners: s.names.map((name, i) => person(name, (s.duplicates === undefined ? n : s.duplicates + 1) * 10 + i, s.village)),
        groupSize: s.groupSize ?? null,
        request: s.request,
        factsAndReasons: s.facts,
        category: s.category,
        place: s.village,
        oralConfirmed: s.channel === 'visit' || s.channel === 'phone',
        repeatOf: s.repeats === undefined ? null : (numbers[s.repeats] ?? null),
        trackingHash: trackingHashOf(newTrackingCode()),
      };
      const opened = await openRecord(
        yifa,
        s.channel === 'online' ? petitioner : clerk,
        PETITIONS,
        'petition.register',
        payload,
        agency.id,
      );
      numbers.push(opened.record.number);
      for (const [d, by, type, p] of s.steps ?? []) {
        yifa.clock.source = at(d);
        await actOnRecord(yifa, who[by], PETITIONS, opened.id, type, p(on));
      }
      // The same petitioner about the same thing: merged into his earlier petition (the kit notes it on that one too).
      const kept = s.duplicates === undefined ? null : numbers[s.duplicates];
      if (kept)
        await actOnRecord(yifa, clerk, PETITIONS, opened.id, 'petition.merge', {
          into: kept,
          reason: '同一信访人就同一事项再次来信，并入此前登记的信访事项办理',
        });
    }
  } finally {
    yifa.clock.source = realTime;
  }
  return n;
}
