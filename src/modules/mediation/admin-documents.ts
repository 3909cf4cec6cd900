/**
 * The written forms of a 行政调解, in the mediating agency's name and under its seal (not a
 * committee's): 行政调解申请书（登记表）, each 行政调解笔录, the 行政调解协议书 (numbered
 * 行调协字), the 终止行政调解通知书 (行调终字) and each 回访记录. Each cites the statute the
 * agency mediated under. Pure.
 */
import type { Block, DocumentContent } from '../../procedure/documents/content.js';
import { CATEGORIES } from './law.js';
import { PARTY_KINDS, PERFORMANCE, type Party } from './state.js';
import { ADMIN_BASES, ADMIN_SOURCES, type AdminMediation } from './admin-state.js';

export const ADMIN_SERIES = {
  agreement: { word: '行调协字', title: '行政调解协议书' },
  termination: { word: '行调终字', title: '终止行政调解通知书' },
} as const;

const dateText = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

const partyTable = (parties: readonly Party[]): Block => ({
  kind: 'table',
  header: ['当事人', '类型', '身份证号或统一社会信用代码', '联系电话', '住址'],
  rows: parties.map((p) => [p.name, PARTY_KINDS[p.kind], p.idNumber, p.phone ?? '—', p.address ?? '—']),
});

const names = (m: AdminMediation) => m.parties.map((p) => p.name).join('、');
const hosts = (m: AdminMediation) => (m.hosts.length ? m.hosts.join('、') : '—');
const basis = (m: AdminMediation) => ADMIN_BASES[m.basis];

function registration(m: AdminMediation): DocumentContent {
  return {
    id: 'registration',
    title: '行政调解申请书（纠纷登记表）',
    number: null,
    date: m.registeredOn,
    sealed: false,
    blocks: [
      { kind: 'field', label: '调解机关', value: m.agencyName },
      { kind: 'field', label: '登记日期', value: dateText(m.registeredOn) },
      { kind: 'field', label: '调解来源', value: ADMIN_SOURCES[m.source] },
      { kind: 'field', label: '调解依据', value: `${basis(m).name}（${basis(m).cite}）` },
      { kind: 'field', label: '纠纷类别', value: CATEGORIES[m.category] },
      ...(m.penaltyCase ? [{ kind: 'field' as const, label: '关联的行政处罚案件', value: m.penaltyCase.title }] : []),
      partyTable(m.parties),
      { kind: 'paragraph', heading: '纠纷简要事实', text: m.facts },
      { kind: 'paragraph', heading: '争议焦点', text: m.points },
      {
        kind: 'paragraph',
        text: `行政调解遵循自愿、合法原则，当事人一方不同意调解的，不予调解；调解不收取任何费用。依据：${basis(m).cite}。`,
      },
      { kind: 'signatures', lines: ['申请人（签名或按指印）：', '登记人（签名）：'] },
    ],
  };
}

function sessionRecords(m: AdminMediation): DocumentContent[] {
  return m.sessions.map((s, i) => ({
    id: `session:${s.seq}`,
    title: '行政调解笔录',
    number: null,
    date: s.on,
    sealed: false,
    blocks: [
      { kind: 'field', label: '纠纷', value: `${names(m)}${CATEGORIES[m.category]}` },
      { kind: 'field', label: '调解次数', value: `第${i + 1}次` },
      { kind: 'field', label: '调解时间', value: dateText(s.on) },
      { kind: 'field', label: '调解地点', value: s.place },
      { kind: 'field', label: '主持调解的工作人员', value: hosts(m) },
      { kind: 'field', label: '参加人员', value: s.present },
      { kind: 'paragraph', heading: '调解情况', text: s.record },
      { kind: 'signatures', lines: ['当事人（签名或按指印）：', '主持调解的工作人员（签名）：', '记录人（签名）：'] },
    ],
  }));
}

function agreement(m: AdminMediation): DocumentContent | null {
  const o = m.outcome;
  if (o?.kind !== 'written') return null;
  const publicOrder = m.basis === 'publicOrder';
  return {
    id: 'agreement',
    title: ADMIN_SERIES.agreement.title,
    number: o.number,
    date: o.on,
    // The agency's own seal block (the renderer prints "<agency>（印章）" and the date).
    sealed: true,
    blocks: [
      partyTable(m.parties),
      ...(m.penaltyCase ? [{ kind: 'field' as const, label: '关联的行政处罚案件', value: m.penaltyCase.title }] : []),
      { kind: 'paragraph', heading: '纠纷的主要事实', text: m.facts },
      { kind: 'paragraph', heading: '争议事项', text: m.points },
      { kind: 'paragraph', heading: '各方当事人的责任', text: o.responsibility ?? '' },
      {
        kind: 'paragraph',
        heading: '调解协议内容',
        text: `根据${basis(m).cite}，经${m.agencyName}主持调解，当事人自愿达成如下协议：\n${o.terms ?? ''}`,
      },
      { kind: 'paragraph', heading: '履行方式和期限', text: o.performance ?? '' },
      { kind: 'field', label: '协议涉及金额', value: yuan(o.amountFen) },
      {
        kind: 'paragraph',
        text: `本协议一式${m.parties.length + 1}份，当事人各执一份，${m.agencyName}留存一份，自各方当事人签名（盖章、按指印）、主持调解的工作人员签名并加盖${m.agencyName}印章之日起生效。${
          publicOrder
            ? '经调解达成协议并履行的，对违反治安管理行为人不予处罚；不履行的，依法予以处罚，当事人可以就民事争议依法向人民法院提起民事诉讼。'
            : '当事人对协议的履行发生争议的，可以依法向人民法院提起民事诉讼。'
        }`,
      },
      {
        kind: 'signatures',
        lines: [...m.parties.map((p) => `当事人“${p.name}”（签名、盖章或按指印）：`), `主持调解的工作人员（签名）：${hosts(m)}`],
      },
    ],
  };
}

function termination(m: AdminMediation): DocumentContent | null {
  const o = m.outcome;
  if (o?.kind !== 'ended') return null;
  return {
    id: 'termination',
    title: ADMIN_SERIES.termination.title,
    number: o.number,
    date: o.on,
    sealed: true,
    blocks: [
      { kind: 'paragraph', text: `${names(m)}：` },
      {
        kind: 'paragraph',
        text: `你们之间的${CATEGORIES[m.category]}，本机关于${dateText(m.registeredOn)}依据${basis(m).cite}受理调解。${o.reason ?? ''}经调解未能达成协议，本机关决定终止调解。`,
      },
      { kind: 'paragraph', heading: '其他解决途径及本机关的后续处理', text: o.routes ?? '' },
    ],
  };
}

function visitRecords(m: AdminMediation): DocumentContent[] {
  return m.visits.map((v) => ({
    id: `visit:${v.seq}`,
    title: '行政调解回访记录',
    number: null,
    date: v.on,
    sealed: false,
    blocks: [
      { kind: 'field', label: '纠纷', value: `${names(m)}${CATEGORIES[m.category]}` },
      { kind: 'field', label: '行政调解协议书', value: m.outcome?.number ?? '—' },
      { kind: 'field', label: '回访日期', value: dateText(v.on) },
      { kind: 'field', label: '履行情况', value: PERFORMANCE[v.performance] },
      { kind: 'paragraph', heading: '回访情况', text: v.note },
      { kind: 'signatures', lines: ['回访人（签名）：', '被回访人（签名）：'] },
    ],
  }));
}

/** The mediation's documents in filing order. */
export function adminMediationDocuments(m: AdminMediation): DocumentContent[] {
  return [registration(m), ...sessionRecords(m), agreement(m), termination(m), ...visitRecords(m)].filter(
    (x): x is DocumentContent => x !== null,
  );
}
