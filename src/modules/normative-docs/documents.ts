/**
 * The written forms of a 行政规范性文件, filled from the document alone: 起草说明,
 * 征求意见情况说明, each 合法性审核意见书, 集体讨论纪要, 备案报告 and, for a repeal or a
 * declaration of invalidity, the 清理结果公告. Pure; the kit renders them as print views and DOCX.
 */
import type { DocumentContent } from '../../procedure/documents/content.js';
import type { DocumentPlace } from '../../procedure/served.js';
import { CHECKLIST, CHECK_ITEMS, CITE, CLEANUP_RESULTS, OPINIONS } from './law.js';
import { currentVersion, type NormativeDoc } from './state.js';

export const DOC_SERIES = {
  'normative-review': { word: '规审字', title: '合法性审核意见书' },
  'normative-registration': { word: '规', title: '行政规范性文件统一编号' },
  'normative-cleanup': { word: '清字', title: '规范性文件清理结果公告' },
} as const;

/** 2026年3月2日 */
const dateText = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

function explanation(d: NormativeDoc): DocumentContent {
  return {
    id: 'explanation',
    title: '起草说明',
    number: null,
    date: d.draftedOn,
    sealed: false,
    blocks: [
      { kind: 'field', label: '文件名称', value: d.title },
      { kind: 'field', label: '起草单位', value: d.drafter },
      { kind: 'field', label: '起草日期', value: dateText(d.draftedOn) },
      { kind: 'paragraph', heading: '起草说明', text: d.explanation },
      { kind: 'paragraph', heading: '制定依据', text: d.legalBasis },
      ...(d.scope
        ? [
            {
              kind: 'paragraph' as const,
              heading: '是否属于行政规范性文件',
              text: `${d.scope.inScope ? '属于' : '不属于（内部文件）'}。${d.scope.reason}`,
            },
          ]
        : []),
      { kind: 'signatures', lines: ['起草单位（盖章）：', '经办人（签名）：'] },
    ],
  };
}

function consultation(d: NormativeDoc): DocumentContent | null {
  const c = d.comment;
  if (!c?.closed) return null;
  return {
    id: 'consultation',
    title: '征求意见情况说明',
    number: null,
    date: c.closed.on,
    sealed: false,
    blocks: [
      { kind: 'field', label: '文件名称', value: d.title },
      { kind: 'field', label: '征求意见期限', value: `${dateText(c.openedOn)}至${dateText(c.until)}` },
      { kind: 'field', label: '征求意见方式', value: c.channel },
      {
        kind: 'table',
        header: ['序号', '收到日期', '意见提出人', '意见内容', '是否采纳', '采纳情况及理由'],
        rows: d.comments.map((x) => [String(x.seq), x.on, x.from, x.text, x.adopted ? '采纳' : '未采纳', x.response]),
      },
      { kind: 'paragraph', heading: '情况说明', text: c.closed.summary },
      ...(d.fairCompetition
        ? [
            {
              kind: 'paragraph' as const,
              heading: '公平竞争审查',
              text: `${dateText(d.fairCompetition.on)}审查，${d.fairCompetition.passed ? '通过' : '未通过'}。${d.fairCompetition.note}（${CITE.fairCompetition}）`,
            },
          ]
        : []),
      { kind: 'signatures', lines: ['起草单位（盖章）：'] },
    ],
  };
}

function reviewOpinions(d: NormativeDoc): DocumentContent[] {
  return d.reviews.flatMap((r, i) => {
    const o = r.opinion;
    if (!o) return [];
    return [
      {
        id: `review:${i + 1}`,
        title: '合法性审核意见书',
        number: o.number,
        date: o.on,
        sealed: true,
        blocks: [
          { kind: 'field', label: '送审文件', value: `${d.title}（第${r.version}稿）` },
          { kind: 'field', label: '起草单位', value: d.drafter },
          { kind: 'field', label: '送审日期', value: dateText(r.submittedOn) },
          {
            kind: 'table',
            header: ['审核要点', '是/否', '审查意见'],
            rows: CHECK_ITEMS.map((k) => [CHECKLIST[k].title, o.checklist[k].yes ? '是' : '否', o.checklist[k].note]),
          },
          { kind: 'field', label: '审核意见', value: OPINIONS[o.opinion] },
          { kind: 'field', label: '涉及条款', value: o.clauses || '—' },
          { kind: 'paragraph', heading: '理由', text: o.reasons },
          { kind: 'field', label: '审核人员', value: `${o.reviewerName}（${o.qualification}）` },
          {
            kind: 'paragraph',
            text: `未经合法性审核或者经审核不合法的，不得提交集体讨论，不得发布施行（${CITE.review}）。`,
          },
        ],
      },
    ];
  });
}

function minutes(d: NormativeDoc): DocumentContent | null {
  const m = d.deliberation;
  if (!m) return null;
  return {
    id: 'minutes',
    title: '集体讨论纪要',
    number: null,
    date: m.on,
    sealed: false,
    blocks: [
      { kind: 'field', label: '会议', value: m.meeting },
      { kind: 'field', label: '时间', value: dateText(m.on) },
      { kind: 'field', label: '出席人员', value: m.present },
      { kind: 'field', label: '议题', value: `审议《${d.title}》（第${m.version}稿）` },
      { kind: 'paragraph', heading: '讨论情况', text: m.minutes },
      { kind: 'field', label: '讨论结果', value: m.adopted ? '通过' : '未通过' },
      { kind: 'signatures', lines: ['主持人（签名）：', '记录人（签名）：'] },
    ],
  };
}

function filingReport(d: NormativeDoc, dc: DocumentPlace): DocumentContent | null {
  const f = d.filing;
  const r = d.registrations[0];
  if (!f || !r) return null;
  return {
    id: 'filing',
    title: '规范性文件备案报告',
    number: null,
    date: f.on,
    sealed: true,
    blocks: [
      { kind: 'field', label: '报送机关', value: f.to },
      {
        kind: 'paragraph',
        text: `${dc.agencyName}于${dateText(r.on)}发布《${d.title}》（${r.number}），自${dateText(r.effectiveOn)}起施行，有效期至${dateText(r.expiresOn)}。现按规定报送备案。`,
      },
      { kind: 'paragraph', heading: '报送材料', text: f.note },
      { kind: 'field', label: '报送日期', value: dateText(f.on) },
    ],
  };
}

function cleanupNotices(d: NormativeDoc, dc: DocumentPlace): DocumentContent[] {
  return d.cleanups.flatMap((c, i) =>
    c.number
      ? [
          {
            id: `cleanup:${i + 1}`,
            title: '规范性文件清理结果公告',
            number: c.number,
            date: c.on,
            sealed: true,
            blocks: [
              {
                kind: 'paragraph' as const,
                text: `经清理，${dc.agencyName}决定对下列规范性文件予以${CLEANUP_RESULTS[c.result]}，自公告之日起不再执行。`,
              },
              {
                kind: 'table' as const,
                header: ['文件名称', '文号', '清理结果', '理由'],
                rows: [[d.title, d.registrations.at(-1)?.number ?? '—', CLEANUP_RESULTS[c.result], c.reason]],
              },
            ],
          },
        ]
      : [],
  );
}

/** Each 附带审查's 书面答复 to the 复议机关 (行政复议法 Art 58), with the ruling once made. */
function challengeAnswers(d: NormativeDoc, dc: DocumentPlace): DocumentContent[] {
  return d.challenges.flatMap((c) =>
    c.answer
      ? [
          {
            id: `challenge-answer:${c.seq}`,
            title: '规范性文件附带审查书面答复',
            number: null,
            date: c.answer.on,
            sealed: true,
            blocks: [
              { kind: 'paragraph' as const, text: `${c.by}：` },
              {
                kind: 'paragraph' as const,
                text: `你机关${c.caseNumber ? `在办理${c.caseNumber}行政复议案件中` : ''}于${dateText(c.receivedOn)}转送的对《${d.title}》（${d.registrations.at(-1)?.number ?? ''}）${c.clauses}的附带审查申请收悉。根据《中华人民共和国行政复议法》第五十八条，现就相关条款的合法性答复如下：`,
              },
              { kind: 'paragraph' as const, heading: '申请人的审查请求和理由', text: c.points },
              { kind: 'paragraph' as const, heading: '答复意见', text: c.answer.text },
              { kind: 'field' as const, label: '制定机关', value: dc.agencyName },
              { kind: 'field' as const, label: '答复日期', value: dateText(c.answer.on) },
            ],
          },
        ]
      : [],
  );
}

/** The document itself as published: its current text under its number. */
function publishedText(d: NormativeDoc, dc: DocumentPlace): DocumentContent | null {
  const r = d.registrations.at(-1);
  if (!r) return null;
  return {
    id: 'text',
    title: d.title,
    number: r.number,
    date: r.on,
    sealed: true,
    blocks: [
      { kind: 'paragraph', text: currentVersion(d).text },
      { kind: 'field', label: '发布机关', value: dc.agencyName },
      { kind: 'field', label: '施行日期', value: dateText(r.effectiveOn) },
      { kind: 'field', label: '有效期至', value: dateText(r.expiresOn) },
    ],
  };
}

export function normativeDocuments(d: NormativeDoc, dc: DocumentPlace): DocumentContent[] {
  return [
    explanation(d),
    consultation(d),
    ...reviewOpinions(d),
    minutes(d),
    publishedText(d, dc),
    filingReport(d, dc),
    ...challengeAnswers(d, dc),
    ...cleanupNotices(d, dc),
  ].filter((x): x is DocumentContent => x !== null);
}
