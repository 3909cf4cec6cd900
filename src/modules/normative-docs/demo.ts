/**
 * 妙泉镇's normative documents in every state, and the legal adviser's queue, made through the
 * same use cases a user takes, each step on its own day on the journal's clock: the head
 * (fuzeren) drafts, consults, deliberates, signs, publishes, files, renews and cleans up; the
 * legal adviser (fazhi, 法律职业资格 on his person) reviews. One draft creates a fine and is
 * refused in review; one provisional document is renewed and renumbered; one lapses; one is
 * repealed in a cleanup; one is found to be an internal document. Titles are invented.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { addDays } from '../../calendar/legal-date.js';
import { contextOfUser } from '../org/sessions.js';
import { actOnRecord, openRecord } from '../../procedure/service.js';
import { NORMATIVE_DOCS } from './procedure.js';
import { LEGAL_REVIEWS } from './legal-review.js';
import { CHECK_ITEMS, type CheckItem } from './law.js';

/** A document's text of `n` clauses on `subject`, the last one saying when it takes effect. */
export function demoText(title: string, subject: string, n: number, extra: string[] = []): string {
  const nums = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  const body = [
    `第一条 为加强${subject}，根据有关法律、法规和上级规定，结合本镇实际，制定本办法。`,
    `第二条 本办法适用于本镇行政区域内的${subject}活动。`,
    ...Array.from(
      { length: Math.max(0, n - 3) },
      (_, i) => `第${nums[i + 2]}条 镇人民政府有关办公室按照职责做好${subject}第${i + 1}项工作，村（居）民委员会予以协助。`,
    ),
    ...extra.map((t, i) => `第${nums[n - 1 + i]}条 ${t}`),
    `第${nums[n - 1 + extra.length]}条 本办法由镇人民政府负责解释，自发布之日起30日后施行。`,
  ];
  return `${title}\n\n${body.join('\n')}\n`;
}

const FINE_CLAUSE = '在集镇主干道违规摆摊设点、经劝阻拒不改正的，由镇综合行政执法办公室处以200元罚款。';

/** The review checklist: everything "no", with one item's answer changed. */
export function demoChecklist(yes: CheckItem[] = []) {
  return Object.fromEntries(
    CHECK_ITEMS.map((k) => [
      k,
      { yes: yes.includes(k), note: yes.includes(k) ? '第六条设定了罚款，属于行政处罚。' : '经审查，未发现此类问题。' },
    ]),
  ) as Record<CheckItem, { yes: boolean; note: string }>;
}

interface Plan {
  title: string;
  subject: string;
  /** Days ago it was drafted */
  drafted: number;
  provisional?: boolean;
  validityYears?: number;
  market?: boolean;
  extra?: string[];
  /** How far it goes */
  until: 'internal' | 'consulting' | 'reviewing' | 'refused' | 'reviewed' | 'published' | 'filed';
  after?: 'renew' | 'lapse' | 'repeal';
}

/** The steps, in days after drafting: consultation 3–20, review 25–30, deliberation 33, signature 34, publication 35, filing 40. */
async function runPlan(yifa: Yifa, as: (u: string) => Promise<Request>, p: Plan) {
  const today = yifa.clock.today();
  const day = (after: number) => addDays(today, -p.drafted + after);
  const at = (after: number) => () => new Date(`${day(after)}T10:30:00+08:00`);
  const head = await as('fuzeren');
  const adviser = await as('fazhi');
  yifa.clock.source = at(0);
  const opened = await openRecord(yifa, head, NORMATIVE_DOCS, 'normative.draft', {
    title: p.title,
    drafter: '妙泉镇党政办公室',
    draftedOn: day(0),
    explanation: `为规范${p.subject}，镇党政办公室在调研各村情况的基础上起草本文件。`,
    legalBasis: '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》及上级有关规定',
    marketActivity: !!p.market,
    provisional: !!p.provisional,
    validityYears: p.validityYears ?? 5,
    text: demoText(p.title, p.subject, 6, p.extra),
  });
  const id = opened.id;
  const act = async (after: number, who: Request, type: string, payload: unknown) => {
    yifa.clock.source = at(after);
    return actOnRecord(yifa, who, NORMATIVE_DOCS, id, type as never, payload);
  };
  if (p.until === 'internal') {
    await act(1, head, 'normative.scope', {
      on: day(1),
      inScope: false,
      reason: '仅规范机关工作人员考勤，属于内部管理制度，不涉及公民、法人和其他组织的权利义务。',
    });
    return id;
  }
  await act(1, head, 'normative.scope', {
    on: day(1),
    inScope: true,
    reason: '涉及辖区群众和经营者的权利义务，在本镇范围内普遍适用、反复适用。',
  });
  await act(3, head, 'normative.open-comment', {
    openedOn: day(3),
    until: day(18),
    channel: '镇政府网站、各村公示栏；意见反馈至镇党政办公室',
  });
  if (p.until === 'consulting') return id;
  await act(10, head, 'normative.add-comment', {
    on: day(10),
    from: '大田村村民委员会',
    text: '建议明确村委会的协助职责和经费来源。',
    adopted: true,
    response: '已采纳，在第三条中明确。',
  });
  await act(20, head, 'normative.close-comment', { on: day(20), summary: '共收到意见 1 条，采纳 1 条。' });
  if (p.market) await act(22, head, 'normative.fair-competition', { on: day(22), passed: true, note: '未含排除、限制竞争的内容。' });
  await act(25, head, 'normative.submit-review', { on: day(25), materials: '送审稿、起草说明、制定依据、征求意见及采纳情况' });
  if (p.until === 'reviewing') return id;
  if (p.until === 'refused') {
    await act(28, adviser, 'normative.review-opinion', {
      on: day(28),
      checklist: demoChecklist(['createsPenalty']),
      opinion: 'disagree',
      reasons: '规范性文件不得设定行政处罚。第六条对违规摆摊设点者处以罚款，违反《中华人民共和国行政处罚法》第十六条，应予删除。',
      clauses: '第六条',
    });
    return id;
  }
  await act(28, adviser, 'normative.review-opinion', {
    on: day(28),
    checklist: demoChecklist(),
    opinion: 'agree',
    reasons: '制定主体合法，程序完备，内容不与上位法相抵触，同意提交集体讨论。',
    clauses: '',
  });
  if (p.until === 'reviewed') return id;
  await act(33, head, 'normative.deliberate', {
    on: day(33),
    meeting: '镇长办公会议',
    present: '镇长、副镇长、党政办主任、司法所所长、法律顾问',
    minutes: `会议审议了《${p.title}》送审稿，听取了起草说明和合法性审核意见，同意发布。`,
    adopted: true,
  });
  await act(34, head, 'normative.sign', { on: day(34), by: '镇长' });
  await act(35, head, 'normative.publish', { on: day(35), effectiveOn: null, immediateReason: '' });
  if (p.until === 'published') return id;
  await act(40, head, 'normative.file', {
    on: day(40),
    to: '秀山县人民政府（县司法局）',
    note: '备案报告、文件正式文本、起草说明、合法性审核意见书',
  });
  const effective = 35 + 30;
  const years = p.validityYears ?? 5;
  const expires = effective + Math.round(years * 365.25) - 1;
  if (p.after === 'renew')
    await act(expires - 40, head, 'normative.renew', {
      on: day(expires - 40),
      evaluation: '实施一年来运行良好，群众认可，经评估决定继续施行。',
    });
  if (p.after === 'lapse')
    await act(expires + 10, head, 'normative.lapse', { on: day(expires + 10), reason: '有效期届满，经评估不再延续。' });
  if (p.after === 'repeal')
    await act(p.drafted - 60, head, 'normative.cleanup', {
      on: day(p.drafted - 60),
      result: 'repeal',
      reason: '所依据的上级文件已废止，本文件不再适用。',
    });
  return id;
}

const PLANS: Plan[] = [
  { title: '妙泉镇农村人居环境整治管理办法', subject: '农村人居环境整治', drafted: 420, until: 'filed' },
  {
    title: '妙泉镇集镇摊点管理暂行办法',
    subject: '集镇摊点管理',
    drafted: 40,
    provisional: true,
    validityYears: 2,
    market: true,
    extra: [FINE_CLAUSE],
    until: 'refused',
  },
  {
    title: '妙泉镇困难群众临时救助实施办法（试行）',
    subject: '困难群众临时救助',
    drafted: 470,
    provisional: true,
    validityYears: 1,
    until: 'filed',
    after: 'renew',
  },
  {
    title: '妙泉镇集体经济项目管理暂行规定',
    subject: '村集体经济项目管理',
    drafted: 1200,
    provisional: true,
    validityYears: 2,
    until: 'filed',
    after: 'lapse',
  },
  { title: '妙泉镇村庄规划建设管理办法', subject: '村庄规划建设', drafted: 900, until: 'filed', after: 'repeal' },
  { title: '妙泉镇机关考勤管理制度', subject: '机关考勤', drafted: 200, until: 'internal' },
  { title: '妙泉镇养犬管理办法', subject: '养犬管理', drafted: 8, until: 'consulting' },
  { title: '妙泉镇农村建房服务规定', subject: '农村建房服务', drafted: 30, until: 'reviewing' },
  { title: '妙泉镇河道保洁管理办法', subject: '河道保洁', drafted: 31, until: 'reviewed' },
  { title: '妙泉镇森林防火管理办法', subject: '森林防火', drafted: 38, until: 'published' },
  { title: '妙泉镇农村公路养护管理办法', subject: '农村公路养护', drafted: 1060, validityYears: 3, until: 'filed' },
];

/** Two reviews for the adviser besides the documents: a major decision waiting for him, and a contract he answered. */
async function seedReviews(yifa: Yifa, as: (u: string) => Promise<Request>) {
  const today = yifa.clock.today();
  const day = (ago: number) => addDays(today, -ago);
  const at = (ago: number) => () => new Date(`${day(ago)}T15:00:00+08:00`);
  const head = await as('fuzeren');
  const adviser = await as('fazhi');
  yifa.clock.source = at(60);
  const major = await openRecord(yifa, head, LEGAL_REVIEWS, 'legal-review.open', {
    kind: 'major-decision',
    title: '妙泉镇集镇污水处理设施建设方案',
    department: '妙泉镇村镇建设服务中心',
    openedOn: day(60),
    summary: '新建日处理能力500吨的集镇污水处理站，配套管网3.2公里。',
  });
  const on = (ago: number, who: Request, id: string, type: string, payload: unknown) => {
    yifa.clock.source = at(ago);
    return actOnRecord(yifa, who, LEGAL_REVIEWS, id, type as never, payload);
  };
  await on(20, head, major.id, 'legal-review.participation', { from: day(55), until: day(20), summary: '收到意见 12 条，采纳 7 条。' });
  await on(15, head, major.id, 'legal-review.experts', {
    on: day(15),
    experts: '县生态环境局、县水利局专家各 1 名',
    summary: '方案技术可行。',
  });
  await on(12, head, major.id, 'legal-review.risk', { on: day(12), level: 'low', summary: '征地涉及 3 户，已达成补偿协议。' });
  await on(4, head, major.id, 'legal-review.submit', {
    on: day(4),
    materials: '决策草案、公众参与、专家论证和风险评估材料',
    dueOn: addDays(today, 10),
  });
  yifa.clock.source = at(30);
  const contract = await openRecord(yifa, head, LEGAL_REVIEWS, 'legal-review.open', {
    kind: 'contract',
    title: '妙泉镇垃圾清运服务合同',
    department: '妙泉镇党政办公室',
    openedOn: day(30),
    summary: '委托清运公司负责集镇及 14 个村的生活垃圾清运，期限一年。',
  });
  await on(29, head, contract.id, 'legal-review.submit', { on: day(29), materials: '合同文本、招标文件', dueOn: day(22) });
  await on(24, adviser, contract.id, 'legal-review.opinion', {
    on: day(24),
    points: {
      authority: { ok: true, note: '签约主体合法。' },
      procedure: { ok: true, note: '经公开招标。' },
      content: { ok: true, note: '符合规定。' },
      risk: { ok: false, note: '违约责任条款约定不明。' },
    },
    opinion: 'agree-with-changes',
    reasons: '建议明确清运不及时的违约责任和考核办法。',
    clauses: '第八条',
  });
  yifa.clock.source = at(12);
  const overdue = await openRecord(yifa, head, LEGAL_REVIEWS, 'legal-review.open', {
    kind: 'contract',
    title: '妙泉镇便民服务中心物业管理合同',
    department: '妙泉镇党政办公室',
    openedOn: day(12),
    summary: '物业服务一年，含保洁、安保。',
  });
  await on(12, head, overdue.id, 'legal-review.submit', { on: day(12), materials: '合同文本', dueOn: day(2) });
}

/** The demo's normative documents and legal reviews. */
export async function seedDemoNormative(yifa: Yifa): Promise<void> {
  const realTime = yifa.clock.source;
  const cache = new Map<string, Request>();
  const as = async (u: string) => {
    const r = cache.get(u) ?? { auth: await contextOfUser(yifa, u), idempotencyKey: null, denied: async () => {} };
    cache.set(u, r);
    return r;
  };
  try {
    for (const p of PLANS) await runPlan(yifa, as, p);
    await seedReviews(yifa, as);
  } finally {
    yifa.clock.source = realTime;
  }
}
