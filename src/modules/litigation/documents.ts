/**
 * The defending agency's written forms in a 行政诉讼, filled from the case alone and numbered
 * in the agency's own series: 答辩状 and its 证据清单 (the evidence of the challenged case with
 * the files' hashes, evidence collected after the act flagged; the 证据清单 is the 答辩状's
 * attachment and carries its number), 授权委托书 and 负责人不能出庭情况说明 (one per hearing the
 * 负责人 does not attend, issued together), 负责人出庭情况 (a record of who appeared), and the
 * reply to a 司法建议. Pure.
 */
import type { DocumentContent } from '../../procedure/documents/content.js';
import type { DocumentPlace } from '../../procedure/served.js';
import { LATE_EVIDENCE_WARNING, appearanceMandatory } from './actions.js';
import { ABSENCE_REASONS, HEAD_POSTS, INSTANCES, MANDATORY_GROUNDS, article, interpretation, type Hearing, type Lawsuit } from './state.js';

export const LAWSUIT_SERIES = {
  answer: { word: '应诉字', title: '行政诉讼答辩状' },
  'power-of-attorney': { word: '应委字', title: '授权委托书' },
  'suggestion-reply': { word: '建复字', title: '司法建议回复函' },
} as const;

const cn = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

const heading = (l: Lawsuit) => `原告${l.plaintiff.name}诉本机关${l.challengedAct}一案（${l.caseNumber}）`;

function answerDocuments(l: Lawsuit, place: DocumentPlace): DocumentContent[] {
  const a = l.answer;
  if (!a) return [];
  const b = a.bundle;
  return [
    {
      id: 'answer',
      title: LAWSUIT_SERIES.answer.title,
      number: a.number,
      date: a.on,
      sealed: true,
      blocks: [
        { kind: 'field', label: '答辩人（被告）', value: place.agencyName },
        { kind: 'field', label: '被答辩人（原告）', value: l.plaintiff.name },
        { kind: 'field', label: '案号', value: l.caseNumber },
        { kind: 'paragraph', text: `${l.court}：` },
        { kind: 'paragraph', text: `${heading(l)}，答辩人于${cn(l.copyReceivedOn)}收到起诉状副本，现提出答辩意见如下：` },
        { kind: 'paragraph', text: a.text },
        ...(b.facts ? [{ kind: 'paragraph' as const, heading: '认定的事实', text: b.facts }] : []),
        ...(b.basis ? [{ kind: 'paragraph' as const, heading: '法律依据', text: b.basis }] : []),
        ...(a.normativeDocuments ? [{ kind: 'paragraph' as const, heading: '所依据的规范性文件', text: a.normativeDocuments }] : []),
        {
          kind: 'paragraph',
          text: `答辩人同时提交作出被诉行政行为的证据（见所附证据清单）和所依据的规范性文件（${article('六十七')}）。`,
        },
        ...(a.late
          ? [
              {
                kind: 'paragraph' as const,
                heading: '逾期',
                text: `本答辩状在答辩期限（${cn(l.answerDue)}）届满后提交。${LATE_EVIDENCE_WARNING}`,
              },
            ]
          : []),
        { kind: 'paragraph', text: '此致' },
        { kind: 'paragraph', text: l.court },
      ],
    },
    {
      id: 'evidence-list',
      title: '证据清单',
      number: a.number,
      date: a.on,
      sealed: true,
      blocks: [
        { kind: 'field', label: '案号', value: l.caseNumber },
        { kind: 'field', label: '被诉行政行为', value: b.number ?? l.challengedAct },
        {
          kind: 'table',
          header: ['序号', '证据名称', '种类', '收集日期', '文件 SHA-256', '说明'],
          rows: b.evidence.map((e, i) => [
            String(i + 1),
            e.title,
            e.type,
            e.collectedOn ?? '—',
            e.sha256 ?? '—',
            [e.afterDecision ? `作出行政行为后收集（${article('三十五')}）` : '', e.withdrawn ? '已撤回' : ''].filter(Boolean).join('；') ||
              '—',
          ]),
        },
        { kind: 'paragraph', text: `本清单为${a.number ?? ''}答辩状的附件。${a.late ? '逾期提交。' : ''}` },
      ],
    },
  ];
}

function hearingDocuments(l: Lawsuit, h: Hearing, place: DocumentPlace): DocumentContent[] {
  const d = h.delegation;
  if (!d) return [];
  const mandatory = appearanceMandatory(l, h);
  const people = [...d.staff.map((s) => `${s.name}（本机关${s.post}）`), ...d.lawyers.map((s) => `${s.name}（${s.post}律师）`)].join('、');
  return [
    {
      id: `power-of-attorney:${h.seq}`,
      title: LAWSUIT_SERIES['power-of-attorney'].title,
      number: d.number,
      date: d.on,
      sealed: true,
      blocks: [
        { kind: 'field', label: '委托人', value: place.agencyName },
        ...d.staff.map((s) => ({ kind: 'field' as const, label: '受委托人（本机关工作人员）', value: `${s.name}，${s.post}` })),
        ...d.lawyers.map((s) => ({ kind: 'field' as const, label: '受委托人（律师）', value: `${s.name}，${s.post}` })),
        {
          kind: 'paragraph',
          text: `现委托上列受委托人在${heading(l)}中，作为本机关的诉讼代理人，出席${cn(h.date)}在${h.place}的${INSTANCES[h.instance]}开庭。`,
        },
        { kind: 'paragraph', heading: '代理权限', text: d.authority },
        { kind: 'paragraph', text: `（${interpretation('一百三十一')}；${article('三十一')}）` },
        { kind: 'signatures', lines: ['委托人（盖章）：', '法定代表人（签字）：', '受委托人（签字）：'] },
      ],
    },
    {
      id: `absence-statement:${h.seq}`,
      title: '行政机关负责人出庭应诉情况说明',
      number: d.number,
      date: d.on,
      sealed: true,
      blocks: [
        { kind: 'paragraph', text: `${l.court}：` },
        {
          kind: 'paragraph',
          text: `${heading(l)}定于${cn(h.date)}开庭。本机关负责人${d.headName}因${ABSENCE_REASONS[d.reasonKind]}不能出庭：${d.reason}`,
        },
        { kind: 'paragraph', text: `本机关委托${people}出庭应诉（授权委托书${d.number ?? ''}）。` },
        ...(mandatory
          ? [
              {
                kind: 'paragraph' as const,
                heading: '应当出庭的情形',
                text: `本案属于${[...l.mandatoryGrounds.map((g) => MANDATORY_GROUNDS[g]), ...(h.courtRecommendsHead ? [MANDATORY_GROUNDS['court-notice']] : [])].join('、')}的案件，行政机关负责人应当出庭；特此说明理由（${interpretation('一百二十九')}）。`,
              },
            ]
          : []),
        { kind: 'paragraph', text: `（${article('三', '三')}；${interpretation('一百二十九')}）` },
      ],
    },
  ];
}

/** Who appeared at each hearing held: the record the indicators count. */
function appearanceRecord(l: Lawsuit): DocumentContent | null {
  const held = l.hearings.filter((h) => h.held);
  if (held.length === 0) return null;
  return {
    id: 'appearances',
    title: '行政机关负责人出庭应诉情况登记表',
    number: null,
    date: held.at(-1)?.held?.on ?? null,
    sealed: false,
    blocks: [
      { kind: 'field', label: '案号', value: l.caseNumber },
      {
        kind: 'table',
        header: ['审级', '开庭日期', '负责人出庭', '出庭的工作人员', '律师', '授权委托书'],
        rows: held.map((h) => [
          INSTANCES[h.instance],
          h.held!.on,
          h.held!.head ? `${h.held!.head.name}（${h.held!.head.post}，${HEAD_POSTS[h.held!.head.rank]}）` : '否',
          h.held!.staff.map((s) => `${s.name}（${s.post}）`).join('、') || '—',
          h.held!.lawyers.map((s) => `${s.name}（${s.post}）`).join('、') || '—',
          h.delegation?.number ?? '—',
        ]),
      },
    ],
  };
}

function suggestionReply(l: Lawsuit, place: DocumentPlace): DocumentContent | null {
  const s = l.suggestion;
  if (!s?.reply) return null;
  return {
    id: 'suggestion-reply',
    title: LAWSUIT_SERIES['suggestion-reply'].title,
    number: s.reply.number,
    date: s.reply.on,
    sealed: true,
    blocks: [
      { kind: 'paragraph', text: `${s.court}：` },
      {
        kind: 'paragraph',
        text: `贵院${cn(s.receivedOn)}在${heading(l)}中提出的司法建议（${s.number}）收悉。${place.agencyName}高度重视，现将采纳和整改情况回复如下：`,
      },
      { kind: 'paragraph', text: s.reply.text },
    ],
  };
}

export function lawsuitDocuments(l: Lawsuit, place: DocumentPlace): DocumentContent[] {
  return [
    ...answerDocuments(l, place),
    ...l.hearings.flatMap((h) => hearingDocuments(l, h, place)),
    ...[appearanceRecord(l), suggestionReply(l, place)].filter((d): d is DocumentContent => d !== null),
  ];
}
