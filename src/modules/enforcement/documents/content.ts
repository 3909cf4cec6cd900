/**
 * The standard documents (文书) of a penalty case as structured content, filled from the
 * case alone: a title, the document number, fields and paragraphs, and the seal block.
 * One structure feeds the DOCX file, the browser's print view and the case-file PDF, so
 * the three never say different things. Pure.
 */
import {
  CASH_COLLECTION_GROUNDS,
  DECISION_OUTCOMES,
  EVIDENCE_TYPES,
  LIGHTENINGS,
  MITIGATING_GROUNDS,
  REMEDIES,
  SELF_CORRECTION_CITATION,
  PARTY_KINDS,
  PENALTY_KINDS,
  REVIEW_CONCLUSIONS,
  REVIEW_POINTS,
  SERVICE_METHODS,
} from '../../../law/penalty.js';
import {
  amountDueFen,
  mitigationOf,
  type CaseRecord,
  type Correction,
  type CorrectionOrder,
  type Recusal,
  type DecisionChange,
  type PenaltyCase,
} from '../penalty-case.js';
import type { ViolationType } from '../discretion.js';
import { yuan, yuanInCapitals } from '../money.js';
import type { Block, DocumentContent } from '../../../procedure/documents/content.js';

export interface DocumentContext {
  agencyName: string;
  /** 县级人民政府 (复议机关) and 人民法院 names come from the county */
  countyName: string;
  nameOf(personId: string): string;
  certificateOf(personId: string): string;
  violationType: ViolationType | undefined;
}

/** The documents a case has, in the statutory filing order (立案 → 调查 → 审查 → 决定 → 送达 → 执行). */
export function caseDocuments(c: PenaltyCase, ctx: DocumentContext): DocumentContent[] {
  const out: (DocumentContent | null)[] = [];
  if (c.procedure === 'simple') {
    out.push(onTheSpotDecision(c, ctx));
  } else {
    out.push(filingForm(c, ctx));
    for (const r of c.records) out.push(recordDocument(c, r, ctx));
    out.push(evidenceList(c));
    for (const p of c.preservations) out.push(preservationNotice(c, p, ctx));
    out.push(investigationReport(c, ctx));
    // 审查: notice, statements, hearing, legal review and discussion, in the order they happened.
    const review: (DocumentContent | null)[] = [
      penaltyNotice(c, ctx),
      statementRecord(c, ctx),
      hearingNotice(c, ctx),
      hearingRecord(c, ctx),
      hearingReport(c, ctx),
    ];
    for (const [i] of c.reviews.entries()) review.push(reviewApplication(c, i, ctx), reviewOpinion(c, i, ctx));
    review.push(collectiveRecord(c, ctx));
    out.push(...review.filter((d): d is DocumentContent => d !== null).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')));
    // A decision revoked with an order to decide again stays in the file before the new one.
    for (const [i, prior] of c.priorDecisions.entries()) out.push(decisionDocument(c, ctx, prior, `decision:prior-${i}`));
    out.push(decisionDocument(c, ctx));
  }
  for (const [i, r] of c.recusals.entries()) out.push(recusalDecision(c, r, i, ctx));
  for (const o of c.correctionOrders) out.push(correctionOrderNotice(c, o, ctx), correctionRecheck(c, o, ctx));
  out.push(serviceReceipt(c, ctx));
  for (const [i] of c.reminders.entries()) out.push(reminderNotice(c, i, ctx));
  out.push(courtApplication(c, ctx));
  for (const corr of c.corrections) out.push(correctionNotice(c, corr, ctx));
  for (const ch of c.changes) if (ch.source === 'self') out.push(selfCorrection(c, ch, ctx));
  out.push(closingReport(c, ctx));
  return out.filter((d): d is DocumentContent => d !== null);
}

export function findDocument(c: PenaltyCase, ctx: DocumentContext, id: string): DocumentContent | undefined {
  return caseDocuments(c, ctx).find((d) => d.id === id);
}

// ——— helpers ———

const field = (label: string, value: string | null | undefined): Block => ({
  kind: 'field',
  label,
  value: value?.length ? value : '—',
});
const para = (text: string, heading?: string): Block => ({ kind: 'paragraph', text, ...(heading ? { heading } : {}) });
const cnDate = (d: string | null | undefined) => {
  if (!d) return '    年  月  日';
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

function partyBlocks(c: PenaltyCase): Block[] {
  const p = c.party;
  return [
    field(p.kind === 'citizen' ? '当事人（姓名）' : '当事人（名称）', p.name),
    field(p.kind === 'citizen' ? '身份证号码' : '统一社会信用代码', p.idNumber),
    ...(p.kind === 'organisation' ? [field('法定代表人（负责人）', p.representative)] : []),
    field('住所（地址）', p.address),
    field('联系电话', p.phone),
  ];
}

function officerLine(ids: readonly string[], ctx: DocumentContext): string {
  return ids.map((id) => `${ctx.nameOf(id)}（执法证号 ${ctx.certificateOf(id)}）`).join('、');
}

export function penaltyText(kinds: readonly (keyof typeof PENALTY_KINDS)[], fineFen: number, confiscationFen: number): string {
  return kinds
    .map((k) => {
      if (k === 'fine') return `罚款人民币${yuanInCapitals(fineFen)}（¥${yuan(fineFen)}）`;
      if ((k === 'confiscate-gains' || k === 'confiscate-property') && confiscationFen > 0)
        return `${PENALTY_KINDS[k].name}人民币${yuanInCapitals(confiscationFen)}（¥${yuan(confiscationFen)}）`;
      return PENALTY_KINDS[k].name;
    })
    .join('；');
}

const signatures = (...lines: string[]): Block => ({ kind: 'signatures', lines });

/**
 * The remedies that apply to this decision (Art 59 第五项). An on-the-spot penalty goes to
 * reconsideration first (行政复议法 Art 23): its document offers no direct lawsuit.
 */
function remedies(c: PenaltyCase, ctx: DocumentContext): Block {
  const county = ctx.countyName;
  const text =
    c.procedure === 'simple'
      ? `如不服本决定，可以在收到本决定书之日起六十日内向${county}人民政府申请行政复议；对行政复议决定不服的，可以在收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。依照${REMEDIES.reconsiderationFirst}的规定，对当场作出的行政处罚决定不服的，应当先申请行政复议，不能直接提起行政诉讼。申请行政复议期间，本决定不停止执行，法律另有规定的除外。`
      : `如不服本决定，可以在收到本决定书之日起六十日内向${county}人民政府申请行政复议，也可以在收到本决定书之日起六个月内依法向${county}人民法院提起行政诉讼。申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。`;
  return para(text, '救济途径和期限');
}

/** 从轻、减轻 as weighed (Arts 30–32): each ground with its evidence; nothing when there was none. */
function mitigationBlocks(c: PenaltyCase): Block[] {
  const m = mitigationOf(c);
  if (!m?.lightening || m.grounds.length === 0) return [];
  const grounds = m.grounds.map(
    (g) => `${MITIGATING_GROUNDS[g.ground].name}（${MITIGATING_GROUNDS[g.ground].citation}；证据：${g.evidence}）`,
  );
  return [para(`当事人有以下情形，依法${LIGHTENINGS[m.lightening]}：${grounds.join('；')}。`, '从轻、减轻处罚的情形')];
}

// ——— the documents ———

function filingForm(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  if (!c.filedOn && !c.pending.some((p) => p.kind === 'filing')) return null;
  const request = c.pending.find((p) => p.kind === 'filing')?.payload as { summary?: string } | undefined;
  return {
    id: 'filing',
    title: '立案审批表',
    number: c.filingNumber,
    date: c.filedOn,
    sealed: false,
    blocks: [
      field(
        '案件来源',
        `${{ complaint: '投诉举报', patrol: '巡查发现', assigned: '上级交办', referral: '部门移送', petition: '信访转办' }[c.source.kind]}（${cnDate(c.source.receivedOn)}）`,
      ),
      field('案由', ctx.violationType?.name ?? request?.summary ?? ''),
      ...partyBlocks(c),
      field('违法行为发生（终了）日期', cnDate(c.actOn)),
      para(c.source.summary, '案件基本情况'),
      field('违法依据', ctx.violationType?.violates),
      field('承办人', officerLine(c.officers, ctx)),
      field('立案日期', c.filedOn ? cnDate(c.filedOn) : '待审批'),
      signatures('承办人签名：', '承办机构负责人意见及签名：', '机关负责人审批意见及签名：'),
    ],
  };
}

function recordDocument(_c: PenaltyCase, r: CaseRecord, ctx: DocumentContext): DocumentContent {
  const inquiry = r.kind === 'inquiry';
  return {
    id: `${r.kind}:${r.seq}`,
    title: inquiry ? '询问笔录' : '现场检查（勘验）笔录',
    number: null,
    date: r.on,
    sealed: false,
    blocks: [
      field(inquiry ? '询问时间' : '检查时间', cnDate(r.on)),
      field(inquiry ? '询问地点' : '检查地点', r.place),
      field(inquiry ? '被询问人' : '被检查人（现场负责人）', r.subject),
      field('执法人员', officerLine(r.officers, ctx)),
      para('执法人员已出示行政执法证件，表明身份，告知当事人有申请回避的权利和如实陈述、配合调查的义务。', '告知'),
      para(r.summary, inquiry ? '询问内容' : '检查情况'),
      signatures(`${inquiry ? '被询问人' : '当事人'}签名：`, '执法人员签名：', '记录人签名：'),
    ],
  };
}

function evidenceList(c: PenaltyCase): DocumentContent | null {
  if (c.evidence.length === 0) return null;
  return {
    id: 'evidence',
    title: '证据清单',
    number: null,
    date: c.evidence.at(-1)!.collectedOn,
    sealed: false,
    blocks: [
      {
        kind: 'table',
        header: ['序号', '证据种类', '名称', '证明内容', '来源', '取得日期'],
        rows: c.evidence.map((e, i) => [String(i + 1), EVIDENCE_TYPES[e.type], e.title, e.description, e.source, e.collectedOn]),
      },
    ],
  };
}

function preservationNotice(c: PenaltyCase, p: PenaltyCase['preservations'][number], ctx: DocumentContext): DocumentContent {
  return {
    id: `preservation:${p.seq}`,
    title: '先行登记保存通知书',
    number: p.number,
    date: p.on,
    sealed: true,
    blocks: [
      field('当事人', c.party.name),
      para(
        `因调查你（单位）涉嫌${ctx.violationType?.name ?? '违法'}一案，证据可能灭失或者以后难以取得，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，对下列物品予以先行登记保存：${p.items}。`,
      ),
      para('在先行登记保存期间，当事人或者有关人员不得损毁、销毁或者转移证据。本机关将在七个工作日内作出处理决定。'),
      field('执法人员', officerLine(p.officers, ctx)),
      ...(p.decidedOn ? [field('处理决定', `${cnDate(p.decidedOn)}：${p.decision}`)] : []),
    ],
  };
}

function investigationReport(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  const p = c.proposal;
  if (!p) return null;
  return {
    id: 'investigation-report',
    title: '调查终结报告',
    number: null,
    date: p.on,
    sealed: false,
    blocks: [
      ...partyBlocks(c),
      para(p.facts, '违法事实'),
      para(c.evidence.map((e) => `${EVIDENCE_TYPES[e.type]}：${e.title}`).join('；') || '见询问笔录、现场检查笔录', '证据'),
      para(
        `${DECISION_OUTCOMES[p.outcome].name}。${p.kinds.length ? `建议给予${penaltyText(p.kinds, p.fineFen, p.confiscationFen)}。` : ''}`,
        '处理意见',
      ),
      para(p.basis, '处罚依据'),
      para(
        p.outsideBenchmark.length
          ? `超出裁量基准：${p.outsideBenchmark.join('；')}。理由：${p.discretionReason ?? ''}`
          : `在裁量基准“${ctx.violationType?.circumstances.find((x) => x.id === p.circumstanceId)?.name ?? '—'}”情节幅度内。`,
        '裁量基准适用',
      ),
      field('是否重大执法决定', p.major ? `是（${p.catalogRow ?? p.reviewGrounds.join('、')}），须法制审核` : '否'),
      field('是否应告知听证权利', p.hearingEligible ? '是' : '否'),
      signatures('承办人签名：', '承办机构负责人意见：'),
    ],
  };
}

function reviewApplication(c: PenaltyCase, i: number, ctx: DocumentContext): DocumentContent {
  const r = c.reviews[i]!;
  return {
    id: `review-application:${i}`,
    title: '重大执法决定法制审核申请表',
    number: null,
    date: r.submittedOn,
    sealed: false,
    blocks: [
      field('案件名称', `${c.party.name}${ctx.violationType?.name ?? ''}案`),
      field('承办人', officerLine(c.officers, ctx)),
      field('提交材料', r.materials),
      field(
        '拟处理意见',
        c.proposal
          ? penaltyText(c.proposal.kinds, c.proposal.fineFen, c.proposal.confiscationFen) || DECISION_OUTCOMES[c.proposal.outcome].name
          : '—',
      ),
      ...(c.proposal?.discretionReason ? [para(c.proposal.discretionReason, '超出裁量基准的理由')] : []),
      signatures('承办机构负责人签名：'),
    ],
  };
}

function reviewOpinion(c: PenaltyCase, i: number, ctx: DocumentContext): DocumentContent | null {
  const o = c.reviews[i]!.opinion;
  if (!o) return null;
  return {
    id: `review-opinion:${i}`,
    title: '重大执法决定法制审核意见书',
    number: o.number,
    date: o.on,
    sealed: true,
    blocks: [
      field('案件名称', `${c.party.name}${ctx.violationType?.name ?? ''}案`),
      {
        kind: 'table',
        header: ['审核要点', '结论', '说明'],
        rows: Object.entries(REVIEW_POINTS).map(([k, label]) => [
          label,
          o.points[k as keyof typeof REVIEW_POINTS].ok ? '符合' : '存在问题',
          o.points[k as keyof typeof REVIEW_POINTS].note,
        ]),
      },
      field('审核结论', REVIEW_CONCLUSIONS[o.conclusion]),
      para(o.text, '审核意见'),
      field('审核人员', ctx.nameOf(o.reviewerPersonId)),
    ],
  };
}

function penaltyNotice(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  const n = c.notice;
  const p = c.proposal;
  if (!n || !p) return null;
  return {
    id: 'notice',
    title: '行政处罚告知书',
    number: n.number,
    date: n.servedOn,
    sealed: true,
    blocks: [
      para(`${c.party.name}：`),
      para(`经查，${p.facts}。以上事实有下列证据为证：`),
      evidenceHeld(c, n.servedOn),
      para(
        `你（单位）的行为违反了${ctx.violationType?.violates ?? '有关规定'}，依据${p.basis}，本机关拟对你（单位）作出如下行政处罚：${penaltyText(n.told.kinds, n.told.fineFen, n.told.confiscationFen)}。`,
      ),
      para(
        `根据《中华人民共和国行政处罚法》第四十四条、第四十五条${n.hearingOffered ? '、第六十三条、第六十四条' : ''}的规定，你（单位）享有陈述、申辩的权利${n.hearingOffered ? '，并有权要求举行听证' : ''}。请在收到本告知书之日起五个工作日内向本机关提出陈述、申辩${n.hearingOffered ? '或者听证要求' : ''}；逾期视为放弃上述权利。`,
      ),
      field('送达方式', SERVICE_METHODS[n.method].name),
    ],
  };
}

/**
 * The evidence the case held when the party was told (Art 44 requires the facts, reasons and
 * basis): its 笔录 and its evidence items, each named as it is in the file, never a template.
 */
function evidenceHeld(c: PenaltyCase, until: string): Block {
  const records = c.records
    .filter((r) => r.on <= until)
    .map((r) => ({ on: r.on, kind: r.kind === 'inquiry' ? '询问笔录' : '现场检查（勘验）笔录', title: `${r.subject}（${r.place}）` }));
  const items = c.evidence
    .filter((e) => e.collectedOn <= until)
    .map((e) => ({ on: e.collectedOn, kind: EVIDENCE_TYPES[e.type], title: e.title }));
  const all = [...records, ...items].sort((a, b) => a.on.localeCompare(b.on));
  return {
    kind: 'table',
    header: ['序号', '证据种类', '名称', '取得日期'],
    rows: all.map((x, i) => [String(i + 1), x.kind, x.title, x.on]),
  };
}

function statementRecord(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  if (c.statements.length === 0 && !c.waivedOn) return null;
  return {
    id: 'statement',
    title: '陈述申辩笔录',
    number: null,
    date: c.statements.at(-1)?.on ?? c.waivedOn,
    sealed: false,
    blocks: [
      field('当事人', c.party.name),
      ...c.statements.map((s) => para(s.summary, `陈述、申辩（${cnDate(s.on)}）`)),
      ...(c.waivedOn ? [para(`当事人于${cnDate(c.waivedOn)}明确表示放弃陈述、申辩和听证的权利。`)] : []),
      ...(c.recheck
        ? [para(`${c.recheck.adopted ? '采纳' : '不予采纳'}。${c.recheck.reasoning}`, `复核意见（${cnDate(c.recheck.on)}）`)]
        : []),
      field('承办人', officerLine(c.officers, ctx)),
      signatures('当事人签名：', '执法人员签名：'),
    ],
  };
}

function hearingNotice(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  const h = c.hearing;
  if (!h?.date) return null;
  return {
    id: 'hearing-notice',
    title: '听证通知书',
    number: h.number,
    date: h.noticeServedOn,
    sealed: true,
    blocks: [
      para(`${c.party.name}：`),
      para(
        `根据你（单位）于${cnDate(h.requestedOn)}提出的听证要求，本机关定于${cnDate(h.date)}在${h.place}举行听证，主持人为${ctx.nameOf(h.chairPersonId ?? '')}。`,
      ),
      para(
        '你（单位）可以亲自参加听证，也可以委托一至二人代理。认为主持人与本案有直接利害关系的，有权申请回避。无正当理由不出席听证的，视为放弃听证权利。听证不收取费用。',
      ),
    ],
  };
}

function hearingRecord(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  const h = c.hearing;
  if (!h?.heldOn && !h?.partyAbsent) return null;
  return {
    id: 'hearing-record',
    title: '听证笔录',
    number: null,
    date: h.heldOn,
    sealed: false,
    blocks: [
      field('听证时间', cnDate(h.heldOn)),
      field('听证地点', h.place),
      field('主持人', ctx.nameOf(h.chairPersonId ?? '')),
      field('当事人及委托代理人', h.partyAbsent ? '当事人无正当理由未出席' : [c.party.name, ...h.agents].join('、')),
      field('案件调查人员', officerLine(c.officers, ctx)),
      para(h.record ?? '', '听证过程'),
      signatures('当事人（代理人）签名：', '调查人员签名：', '主持人签名：', '记录人签名：'),
    ],
  };
}

function hearingReport(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  const h = c.hearing;
  if (!h?.reportedOn) return null;
  return {
    id: 'hearing-report',
    title: '听证报告',
    number: null,
    date: h.reportedOn,
    sealed: false,
    blocks: [field('主持人', ctx.nameOf(h.chairPersonId ?? '')), para(h.report ?? '', '听证报告')],
  };
}

function collectiveRecord(c: PenaltyCase, _ctx: DocumentContext): DocumentContent | null {
  const d = c.collective;
  if (!d) return null;
  return {
    id: 'collective',
    title: '集体讨论记录',
    number: null,
    date: d.on,
    sealed: false,
    blocks: [
      field('讨论时间', cnDate(d.on)),
      field('参加人员', d.participants.join('、')),
      para(d.conclusion, '讨论决定'),
      signatures('参加人员签名：'),
    ],
  };
}

/** The 行政处罚决定书 with every item of Art 59. */
function decisionDocument(c: PenaltyCase, ctx: DocumentContext, d = c.decision, id = 'decision'): DocumentContent | null {
  const p = c.proposal;
  if (!d || !p) return null;
  const outcome = DECISION_OUTCOMES[d.outcome];
  const title = d.outcome === 'penalty' ? '行政处罚决定书' : d.outcome === 'transfer' ? '涉嫌犯罪案件移送书' : '不予行政处罚决定书';
  const blocks: Block[] = [
    ...partyBlocks(c),
    para(`${p.facts}。`, '违法事实'),
    ...(p.illegalGains
      ? [
          para(
            `当事人违法所得人民币${yuanInCapitals(p.illegalGains.amountFen)}（¥${yuan(p.illegalGains.amountFen)}）${p.illegalGains.returnedFen > 0 ? `，其中已依法退赔人民币¥${yuan(p.illegalGains.returnedFen)}` : ''}。`,
            '违法所得',
          ),
        ]
      : []),
    para('上述事实有以下证据证明：', '证据'),
    evidenceHeld(c, d.on),
  ];
  if (d.outcome === 'penalty') {
    blocks.push(
      para(
        `你（单位）的行为违反了${ctx.violationType?.violates ?? '有关法律、法规、规章'}的规定。依据${p.basis}，本机关决定对你（单位）给予如下行政处罚：${penaltyText(d.kinds, d.fineFen, d.confiscationFen)}。`,
        '行政处罚的种类和依据',
      ),
    );
    if (amountDueFen(d) > 0) {
      blocks.push(
        para(
          '请自收到本决定书之日起十五日内，持本决定书到指定银行缴纳罚（没）款，或者通过电子支付系统缴纳。到期不缴纳罚款的，本机关将每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额，并依法申请人民法院强制执行。',
          '履行方式和期限',
        ),
      );
    } else {
      blocks.push(para('本决定书送达之日起即发生效力，当事人应当自觉履行。', '履行方式和期限'));
    }
    blocks.push(...mitigationBlocks(c));
  } else {
    blocks.push(para(`${outcome.name}。依据：${outcome.citation}。`, d.outcome === 'transfer' ? '处理决定' : '不予处罚的理由和依据'));
    if (p.education) blocks.push(para(`${p.education}。`, '教育情况'));
  }
  // A transfer to the judicial organs is not a decision on the party's rights: it states no remedies.
  if (d.outcome !== 'transfer') blocks.push(remedies(c, ctx));
  blocks.push(field('作出决定的行政机关', ctx.agencyName), field('作出决定的日期', cnDate(d.on)));
  return { id, title, number: d.number, date: d.on, sealed: true, blocks };
}

function onTheSpotDecision(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  const d = c.decision;
  if (!d || !c.onTheSpot) return null;
  return {
    id: 'decision',
    title: '当场行政处罚决定书',
    number: d.number,
    date: d.on,
    sealed: true,
    blocks: [
      ...partyBlocks(c),
      field('违法地点', c.onTheSpot.place),
      para(`${c.source.summary}。`, '违法事实'),
      para(
        `执法人员已当场告知当事人拟作出行政处罚的事实、理由和依据，以及陈述、申辩的权利。${
          c.onTheSpot.statement
            ? `当事人陈述、申辩：${c.onTheSpot.statement}。复核意见：${c.onTheSpot.statementReply ?? ''}。`
            : '当事人未提出陈述、申辩。'
        }`,
        '告知及陈述、申辩',
      ),
      para(`依据${ctx.violationType?.penalisedBy ?? '有关规定'}，决定给予${penaltyText(d.kinds, d.fineFen, 0)}。`, '行政处罚的种类和依据'),
      ...mitigationBlocks(c),
      para(onTheSpotPayment(c), '履行方式和期限'),
      remedies(c, ctx),
      field('执法人员', officerLine(c.officers, ctx)),
      field('当事人签收', c.onTheSpot.signed ? '已签收' : `拒绝签收：${c.onTheSpot.refusalNote ?? ''}`),
      field('作出决定的行政机关', ctx.agencyName),
      field('作出决定的日期', cnDate(d.on)),
    ],
  };
}

/** How the on-the-spot fine is paid: taken in cash with its receipt (Arts 68–70), or at the bank within 15 days. */
function onTheSpotPayment(c: PenaltyCase): string {
  const d = c.decision!;
  const cash = c.onTheSpot?.cash;
  if (d.fineFen === 0) return '本决定当场生效。';
  if (cash)
    return `执法人员依照${CASH_COLLECTION_GROUNDS[cash.ground].citation}（${CASH_COLLECTION_GROUNDS[cash.ground].name}${cash.groundNote ? `：${cash.groundNote}` : ''}）当场收缴罚款，并出具罚款专用票据（票据号码 ${cash.receiptNumber}）。`;
  return '请自收到本决定书之日起十五日内到指定银行缴纳罚款，或者通过电子支付系统缴纳；逾期每日按罚款数额的百分之三加处罚款。';
}

function serviceReceipt(c: PenaltyCase, _ctx: DocumentContext): DocumentContent | null {
  const s = c.service;
  if (!s || !c.decision) return null;
  return {
    id: 'service',
    title: '送达回证',
    number: null,
    date: s.on,
    sealed: true,
    blocks: [
      {
        kind: 'table',
        header: ['送达文书', '文号', '送达方式', '送达日期', '受送达人', '签收'],
        rows: [
          [
            c.decision.outcome === 'penalty' ? '行政处罚决定书' : '决定书',
            c.decision.number ?? '',
            SERVICE_METHODS[s.method].name,
            cnDate(s.on),
            s.recipient,
            s.refusedToSign ? '拒绝签收，留置送达，已拍照录像' : '已签收',
          ],
        ],
      },
      ...(s.completeOn !== s.on ? [field('视为送达日期', cnDate(s.completeOn))] : []),
      ...(c.serviceAttempts.length > 0
        ? [
            {
              kind: 'table' as const,
              header: ['未能送达的文书', '送达方式', '日期', '未能送达的情况'],
              rows: c.serviceAttempts.map((a) => [
                a.document === 'notice' ? '行政处罚告知书' : '行政处罚决定书',
                SERVICE_METHODS[a.method].name,
                cnDate(a.on),
                a.why,
              ]),
            },
          ]
        : []),
      ...(c.notice
        ? [
            {
              kind: 'table' as const,
              header: ['送达文书', '文号', '送达方式', '送达日期'],
              rows: [['行政处罚告知书', c.notice.number ?? '', SERVICE_METHODS[c.notice.method].name, cnDate(c.notice.servedOn)]],
            },
          ]
        : []),
      signatures('受送达人签名：', '送达人签名：'),
    ],
  };
}

/** What the 催告书 says of 加处罚款 accrued by its day (行政处罚法 Art 72), or nothing. */
const lateSentence = (lateFen: number) =>
  lateFen > 0
    ? `依据《中华人民共和国行政处罚法》第七十二条第一款第一项，到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，截至本催告书送达之日已加处罚款人民币${yuanInCapitals(lateFen)}，加处罚款的数额不超过罚款的数额。`
    : '';

function reminderNotice(c: PenaltyCase, i: number, ctx: DocumentContext): DocumentContent {
  const r = c.reminders[i]!;
  const d = c.decision!;
  return {
    id: `reminder:${i}`,
    title: '催告书',
    number: r.number,
    date: r.servedOn,
    sealed: true,
    blocks: [
      para(`${c.party.name}：`),
      para(
        `本机关于${cnDate(d.on)}作出${d.number ?? ''}行政处罚决定，你（单位）至今未履行缴纳罚（没）款人民币${yuanInCapitals(amountDueFen(d))}的义务。${lateSentence(r.lateFen ?? 0)}根据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你（单位）自收到本催告书之日起十个工作日内履行上述义务。逾期仍不履行的，本机关将依法申请人民法院强制执行。`,
      ),
      para('你（单位）有权进行陈述和申辩。'),
      field('行政机关', ctx.agencyName),
    ],
  };
}

/**
 * 强制执行申请书 (行政强制法 Arts 53–55): what the court is asked to enforce, why it may be
 * asked now, and the materials that go with it — every one of them from this case's file.
 */
function courtApplication(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  const a = c.courtApplication;
  const d = c.decision;
  if (!a || !d || !c.service) return null;
  const r = c.reminders.at(-1);
  const attachments = [
    `行政处罚决定书（${d.number ?? ''}）及送达回证`,
    ...c.reminders.map((x) => `催告书（${x.number ?? ''}）及送达回证`),
    ...(c.evidence.length > 0 ? [`证据清单及证据材料（${c.evidence.length}项）`] : []),
    '行政处罚案卷（含目录及日志证明）',
  ];
  return {
    id: 'court-application',
    title: '强制执行申请书',
    number: a.number,
    date: a.on,
    sealed: true,
    blocks: [
      field('申请人', ctx.agencyName),
      field('被申请人', c.party.name),
      field('被申请人住所（地址）', c.party.address),
      para(
        `请求人民法院强制执行${d.number ?? ''}行政处罚决定，由被申请人缴纳尚未缴纳的罚（没）款人民币${yuanInCapitals(a.unpaidFen)}（¥${yuan(a.unpaidFen)}）${a.lateFen > 0 ? `及加处罚款人民币${yuanInCapitals(a.lateFen)}（¥${yuan(a.lateFen)}，计至申请之日，不超过罚款数额）` : ''}。`,
        '申请事项',
      ),
      para(
        `本机关于${cnDate(d.on)}作出上述决定，于${cnDate(c.service.on)}以${SERVICE_METHODS[c.service.method].name}方式送达被申请人。被申请人在法定期限（至${cnDate(a.windowsEnd)}）内未申请行政复议或者提起行政诉讼，又不履行决定。${r ? `本机关于${cnDate(r.servedOn)}送达${r.number ?? ''}催告书，催告期满十个工作日后被申请人仍未履行。` : ''}依照《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条和《中华人民共和国行政处罚法》第七十二条的规定，特申请强制执行。`,
        '事实和理由',
      ),
      { kind: 'table', header: ['序号', '随附材料'], rows: attachments.map((t, i) => [String(i + 1), t]) },
      field('此致', a.court),
      field('申请人（印章）', ctx.agencyName),
      field('申请日期', cnDate(a.on)),
    ],
  };
}

/** 回避决定 (Art 43): the head's decision on an application, either way. */
function recusalDecision(c: PenaltyCase, r: Recusal, i: number, ctx: DocumentContext): DocumentContent {
  const who = `${ctx.nameOf(r.personId)}（${r.role === 'officer' ? '执法人员' : '法制审核人员'}）`;
  const decided =
    r.decision === 'withdrawn'
      ? `经本机关负责人决定，${who}自${cnDate(r.decidedOn)}起回避，不再参与本案${r.replacementId ? `，由${ctx.nameOf(r.replacementId)}（执法证号 ${ctx.certificateOf(r.replacementId)}）接替办理` : ''}。`
      : `经本机关负责人审查，申请回避的理由不成立，决定不予回避。理由：${r.headReason ?? ''}。`;
  return {
    id: `recusal:${i}`,
    title: r.decision === 'withdrawn' ? '回避决定书' : '不予回避决定书',
    number: r.number,
    date: r.decidedOn,
    sealed: true,
    blocks: [
      field('案件', `${c.party.name}${ctx.violationType?.name ?? ''}案`),
      para(
        `${r.applicant === 'party' ? `当事人${c.party.name}` : who}于${cnDate(r.appliedOn)}申请${who}回避，理由：${r.reason}。依据《中华人民共和国行政处罚法》第四十三条的规定，${decided}`,
      ),
      field('行政机关', ctx.agencyName),
      field('日期', cnDate(r.decidedOn)),
    ],
  };
}

/** 责令（限期）改正通知书 (Art 28 第一款). */
function correctionOrderNotice(c: PenaltyCase, o: CorrectionOrder, ctx: DocumentContext): DocumentContent {
  return {
    id: `correction-order:${o.seq}`,
    title: '责令（限期）改正通知书',
    number: o.number,
    date: o.on,
    sealed: true,
    blocks: [
      para(`${c.party.name}：`),
      para(
        `经查，你（单位）${ctx.violationType?.name ?? '存在违法行为'}，违反了${ctx.violationType?.violates ?? '有关规定'}。依据《中华人民共和国行政处罚法》第二十八条第一款的规定，现责令你（单位）于${cnDate(o.by)}前改正：${o.order}。`,
      ),
      para('逾期不改正的，本机关将依法处理。期限届满后本机关将进行复查。'),
      field('行政机关', ctx.agencyName),
      field('日期', cnDate(o.on)),
      signatures('当事人签收：', '执法人员签名：'),
    ],
  };
}

/** The 复查 of an order: whether the party corrected by its date. */
function correctionRecheck(c: PenaltyCase, o: CorrectionOrder, ctx: DocumentContext): DocumentContent | null {
  const r = o.recheck;
  if (!r) return null;
  return {
    id: `correction-recheck:${o.seq}`,
    title: '责令改正复查记录',
    number: null,
    date: r.on,
    sealed: false,
    blocks: [
      field('当事人', c.party.name),
      field('责令改正通知书', o.number),
      field('改正期限', cnDate(o.by)),
      field('复查日期', cnDate(r.on)),
      field('复查结论', r.corrected ? '已按期改正' : '逾期未改正'),
      para(r.findings, '复查情况'),
      field('执法人员', officerLine(c.officers, ctx)),
      signatures('当事人签名：', '执法人员签名：'),
    ],
  };
}

/** 更正通知书: a clerical error of an issued decision, and what it reads now. */
function correctionNotice(c: PenaltyCase, corr: Correction, ctx: DocumentContext): DocumentContent {
  const d = c.decision ?? c.priorDecisions.at(-1);
  return {
    id: `correction:${corr.seq}`,
    title: '行政处罚决定书更正通知书',
    number: corr.number,
    date: corr.on,
    sealed: true,
    blocks: [
      para(`${c.party.name}：`),
      para(
        `本机关于${cnDate(d?.on)}作出的${d?.number ?? ''}行政处罚决定书中“${corr.wrong}”有误，现更正为“${corr.corrected}”。原决定书的其他内容不变。`,
      ),
      field('行政机关', ctx.agencyName),
      field('日期', cnDate(corr.on)),
    ],
  };
}

/** The agency's own revocation or change of its decision (Art 75 第二款), with what now stands. */
function selfCorrection(c: PenaltyCase, ch: DecisionChange, ctx: DocumentContext): DocumentContent {
  const what =
    ch.outcome === 'varied' && ch.varied
      ? `变更为：${penaltyText(ch.varied.kinds, ch.varied.fineFen, ch.varied.confiscationFen)}`
      : '予以撤销，已缴纳的罚没款依法退还';
  return {
    id: `self-correction:${ch.seq}`,
    title: '撤销（变更）行政处罚决定书',
    number: ch.documentNumber,
    date: ch.on,
    sealed: true,
    blocks: [
      ...partyBlocks(c),
      para(
        `本机关作出的${ch.decisionNumber ?? ''}行政处罚决定，经审查存在以下错误：${ch.reason}。经法制审核并经本机关负责人批准，依照${SELF_CORRECTION_CITATION}的规定，决定对该行政处罚决定${what}。`,
        '纠错决定',
      ),
      remedies(c, ctx),
      field('作出决定的行政机关', ctx.agencyName),
      field('作出决定的日期', cnDate(ch.on)),
    ],
  };
}

function closingReport(c: PenaltyCase, ctx: DocumentContext): DocumentContent | null {
  if (!c.closedOn || !c.decision) return null;
  const paid = c.payments.reduce((s, p) => s + p.amountFen, 0);
  return {
    id: 'closing',
    title: '结案报告',
    number: null,
    date: c.closedOn,
    sealed: false,
    blocks: [
      field('案件名称', `${c.party.name}${ctx.violationType?.name ?? ''}案`),
      field('当事人类型', PARTY_KINDS[c.party.kind]),
      field('立案日期', cnDate(c.filedOn ?? c.registeredOn)),
      field('决定书文号', c.decision.number),
      field(
        '处理结果',
        c.decision.outcome === 'penalty'
          ? penaltyText(c.decision.kinds, c.decision.fineFen, c.decision.confiscationFen)
          : DECISION_OUTCOMES[c.decision.outcome].name,
      ),
      field(
        '执行情况',
        paid > 0
          ? `已缴纳人民币 ${yuan(paid)} 元`
          : c.courtApplication
            ? `已于${cnDate(c.courtApplication.on)}申请人民法院强制执行（${c.courtApplication.number ?? ''}）`
            : '无需缴纳款项',
      ),
      para(c.closingReport ?? '', '结案意见'),
      signatures('承办人签名：', '承办机构负责人意见：', '机关负责人审批意见：'),
    ],
  };
}
