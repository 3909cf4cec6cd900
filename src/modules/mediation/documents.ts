/**
 * The written forms of a dispute, filled from the dispute alone (人民调解法 Arts 27–33; the
 * 调解工作档案 keeps the 登记, the 笔录 and the 协议书): 人民调解申请书（登记表）, each 调解笔录,
 * the 人民调解协议书 (or the record of an oral agreement), the 终止人民调解通知书, each 回访记录
 * and the parties' 司法确认申请书. Pure.
 */
import type { Block, DocumentContent } from '../../procedure/documents/content.js';
import type { DocumentPlace } from '../../procedure/served.js';
import { CATEGORIES, CITE, CONFIRMATION_RULES, REFERRERS, SOURCES } from './law.js';
import { COURT_RESULTS, PARTY_KINDS, PERFORMANCE, type Dispute, type Party } from './state.js';

export const DISPUTE_SERIES = {
  agreement: { word: '调协字', title: '人民调解协议书' },
  termination: { word: '调终字', title: '终止人民调解通知书' },
} as const;

/** 2026年3月2日 */
const dateText = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

const partyRows = (parties: readonly Party[]): Block => ({
  kind: 'table',
  header: ['当事人', '类型', '身份证号或统一社会信用代码', '联系电话', '住址'],
  rows: parties.map((p) => [p.name, PARTY_KINDS[p.kind], p.idNumber, p.phone ?? '—', p.address ?? '—']),
});

const partyNames = (d: Dispute) => d.parties.map((p) => p.name).join('、');

function registration(d: Dispute): DocumentContent {
  const source = d.source === 'referral' && d.referredBy ? `${SOURCES.referral}（${REFERRERS[d.referredBy]}）` : SOURCES[d.source];
  return {
    id: 'registration',
    title: '人民调解申请书（纠纷登记表）',
    number: null,
    date: d.registeredOn,
    sealed: false,
    blocks: [
      { kind: 'field', label: '受理的调解委员会', value: d.committeeName },
      { kind: 'field', label: '登记日期', value: dateText(d.registeredOn) },
      { kind: 'field', label: '纠纷来源', value: source },
      { kind: 'field', label: '纠纷类别', value: CATEGORIES[d.category] },
      partyRows(d.parties),
      { kind: 'paragraph', heading: '纠纷简要事实', text: d.facts },
      { kind: 'paragraph', heading: '争议焦点', text: d.points },
      {
        kind: 'paragraph',
        text: `人民调解委员会调解民间纠纷，不收取任何费用（${CITE.free}）。当事人一方明确拒绝调解的，不得调解（${CITE.start}）。`,
      },
      { kind: 'signatures', lines: ['申请人（签名或按指印）：', '登记人（签名）：'] },
    ],
  };
}

function sessionRecords(d: Dispute): DocumentContent[] {
  const mediators = d.mediators?.names.join('、') ?? '—';
  return d.sessions.map((s, i) => ({
    id: `session:${s.seq}`,
    title: '人民调解笔录',
    number: null,
    date: s.on,
    sealed: false,
    blocks: [
      { kind: 'field', label: '纠纷', value: `${partyNames(d)}${CATEGORIES[d.category]}` },
      { kind: 'field', label: '调解次数', value: `第${i + 1}次` },
      { kind: 'field', label: '调解时间', value: dateText(s.on) },
      { kind: 'field', label: '调解地点', value: s.place },
      { kind: 'field', label: '调解员', value: mediators },
      { kind: 'field', label: '参加人员', value: s.present },
      { kind: 'paragraph', heading: '调解情况', text: s.record },
      { kind: 'signatures', lines: ['当事人（签名或按指印）：', '调解员（签名）：', '记录人（签名）：'] },
    ],
  }));
}

function agreement(d: Dispute): DocumentContent | null {
  const o = d.outcome;
  if (!o || o.kind === 'ended') return null;
  const copies = d.parties.length + 1;
  if (o.kind === 'oral')
    return {
      id: 'oral-agreement',
      title: '口头调解协议记录',
      number: null,
      date: o.on,
      sealed: false,
      blocks: [
        partyRows(d.parties),
        { kind: 'paragraph', heading: '纠纷事实和争议焦点', text: `${d.facts}\n${d.points}` },
        { kind: 'paragraph', heading: '口头协议内容', text: o.terms ?? '' },
        { kind: 'field', label: '履行方式和期限', value: o.performance ?? '' },
        { kind: 'field', label: '协议涉及金额', value: yuan(o.amountFen) },
        {
          kind: 'paragraph',
          text: `当事人认为无需制作调解协议书，采取口头协议方式，由人民调解员记录协议内容；口头调解协议自各方当事人达成协议之日起生效（${CITE.oral}）。`,
        },
        { kind: 'signatures', lines: ['调解员（签名）：', '记录日期：'] },
      ],
    };
  return {
    id: 'agreement',
    title: DISPUTE_SERIES.agreement.title,
    number: o.number,
    date: o.on,
    sealed: false,
    blocks: [
      partyRows(d.parties),
      { kind: 'paragraph', heading: '纠纷的主要事实', text: d.facts },
      { kind: 'paragraph', heading: '争议事项', text: d.points },
      { kind: 'paragraph', heading: '各方当事人的责任', text: o.responsibility ?? '' },
      {
        kind: 'paragraph',
        heading: '调解协议内容',
        text: `经${d.committeeName}主持调解，当事人自愿达成如下协议：\n${o.terms ?? ''}`,
      },
      { kind: 'paragraph', heading: '履行方式和期限', text: o.performance ?? '' },
      { kind: 'field', label: '协议涉及金额', value: yuan(o.amountFen) },
      {
        kind: 'paragraph',
        text: `本协议一式${copies}份，当事人各执一份，${d.committeeName}留存一份。本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（${CITE.agreement}），具有法律约束力，当事人应当按照约定履行（${CITE.performance}）。`,
      },
      {
        kind: 'paragraph',
        text: `双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（${CITE.confirmation}）。`,
      },
      {
        kind: 'signatures',
        lines: [
          ...d.parties.map((p) => `当事人“${p.name}”（签名、盖章或按指印）：`),
          `人民调解员（签名）：${d.mediators?.names.join('、') ?? ''}`,
          `${d.committeeName}（印章）`,
          dateText(o.on),
        ],
      },
    ],
  };
}

function termination(d: Dispute): DocumentContent | null {
  const o = d.outcome;
  if (o?.kind !== 'ended') return null;
  return {
    id: 'termination',
    title: DISPUTE_SERIES.termination.title,
    number: o.number,
    date: o.on,
    sealed: false,
    blocks: [
      { kind: 'paragraph', text: `${partyNames(d)}：` },
      {
        kind: 'paragraph',
        text: `你们之间的${CATEGORIES[d.category]}，${d.committeeName}于${dateText(d.registeredOn)}受理调解。${o.reason ?? ''}经调解未能达成协议，根据${CITE.end}的规定，本委员会决定终止调解。`,
      },
      { kind: 'paragraph', heading: '其他解决途径', text: o.routes ?? '' },
      { kind: 'signatures', lines: [`${d.committeeName}（印章）`, dateText(o.on)] },
    ],
  };
}

function visitRecords(d: Dispute): DocumentContent[] {
  return d.visits.map((v) => ({
    id: `visit:${v.seq}`,
    title: '人民调解回访记录',
    number: null,
    date: v.on,
    sealed: false,
    blocks: [
      { kind: 'field', label: '纠纷', value: `${partyNames(d)}${CATEGORIES[d.category]}` },
      { kind: 'field', label: '调解协议', value: d.outcome?.number ?? (d.outcome?.kind === 'oral' ? '口头协议' : '—') },
      { kind: 'field', label: '回访日期', value: dateText(v.on) },
      { kind: 'field', label: '履行情况', value: PERFORMANCE[v.performance] },
      { kind: 'paragraph', heading: '回访情况', text: v.note },
      { kind: 'paragraph', text: `人民调解委员会应当对调解协议的履行情况进行监督，督促当事人履行约定的义务（${CITE.performance}）。` },
      { kind: 'signatures', lines: ['回访人（签名）：', '被回访人（签名）：'] },
    ],
  }));
}

/** The parties' joint application (法释〔2011〕5号 Art 3 names what goes with it): ready once a written agreement takes effect. */
function confirmationApplication(d: Dispute, place: DocumentPlace): DocumentContent | null {
  const o = d.outcome;
  if (o?.kind !== 'written') return null;
  const c = d.confirmation;
  const court = c?.court ?? `${place.countyName || '______'}人民法院`;
  const blocks: Block[] = [
    partyRows(d.parties),
    {
      kind: 'paragraph',
      heading: '请求事项',
      text: `请求人民法院确认申请人于${dateText(o.on)}经${d.committeeName}主持调解达成的人民调解协议（${o.number ?? ''}）有效。`,
    },
    {
      kind: 'paragraph',
      heading: '事实和理由',
      text: `申请人之间因${CATEGORIES[d.category]}，经${d.committeeName}调解，于${dateText(o.on)}自愿达成调解协议。协议内容：${o.terms ?? ''}。该协议不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益，不违背公序良俗。根据${CITE.confirmation}的规定，申请人共同申请司法确认。`,
    },
    {
      kind: 'paragraph',
      heading: '附',
      text: `1. 人民调解协议书（${o.number ?? ''}）；2. 申请人身份证明；3. 与调解协议相关的财产权利证明；4. 申请人的送达地址、联系方式（${CONFIRMATION_RULES}第三条）。`,
    },
    { kind: 'paragraph', text: `此致\n${court}` },
  ];
  if (c?.result && c.resultOn)
    blocks.push({ kind: 'field', label: '人民法院的结果', value: `${dateText(c.resultOn)} ${COURT_RESULTS[c.result]}（${c.note ?? ''}）` });
  blocks.push({
    kind: 'signatures',
    lines: [...d.parties.map((p) => `申请人“${p.name}”（签名或盖章）：`), c ? dateText(c.appliedOn) : '年　月　日'],
  });
  return { id: 'confirmation-application', title: '司法确认申请书', number: null, date: c?.appliedOn ?? null, sealed: false, blocks };
}

/** The dispute's documents in filing order. */
export function disputeDocuments(d: Dispute, place: DocumentPlace): DocumentContent[] {
  return [
    registration(d),
    ...sessionRecords(d),
    agreement(d),
    termination(d),
    ...visitRecords(d),
    confirmationApplication(d, place),
  ].filter((x): x is DocumentContent => x !== null);
}
