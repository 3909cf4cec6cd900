/**
 * The written forms, filled from the records alone: each version of the 村规民约 with its
 * adoption record, each 审查意见书 of the town, and a meeting's 会议记录 (a part of the
 * 村务档案, 村民委员会组织法 Art 34). Pure.
 */
import type { Block, DocumentContent } from '../../procedure/documents/content.js';
import type { DocumentPlace } from '../../procedure/served.js';
import {
  CITE,
  MEETING_KINDS,
  QUORUM_BASES,
  REVIEW_CITATIONS,
  REVIEW_POINTS,
  REVIEW_POINT_IDS,
  dateText,
  quorum,
  quorumMinimum,
} from './law.js';
import type { VillageMeeting } from './meeting-state.js';
import type { Adoption, RulesVersion, VillageRules } from './rules-state.js';

export const RULES_SERIES = {
  review: { word: '村规审字', title: '村规民约审查意见书' },
  filing: { word: '村规备字', title: '村规民约备案通知' },
} as const;

function adoptionBlocks(a: Adoption): Block[] {
  const q = quorum({ kind: a.kind, basis: a.basis, entitled: a.entitled, present: a.present });
  return [
    {
      kind: 'table',
      header: ['表决会议', '会议日期', '应到', '实到', '法定人数', '同意', '反对', '弃权'],
      rows: [
        [
          MEETING_KINDS[a.kind],
          dateText(a.on),
          String(a.entitled),
          String(a.present),
          `${quorumMinimum(a)}人（${q.rule}）`,
          String(a.votes.for),
          String(a.votes.against),
          String(a.votes.abstain),
        ],
      ],
    },
    ...(a.basis ? [{ kind: 'field' as const, label: '应到人数的计算', value: QUORUM_BASES[a.basis] }] : []),
    ...(a.authorisation ? [{ kind: 'field' as const, label: '村民会议授权', value: a.authorisation }] : []),
    {
      kind: 'paragraph',
      text: `经到会人员过半数同意，表决通过（${q.citation}）。`,
    },
  ];
}

function versionDocument(r: VillageRules, v: RulesVersion): DocumentContent {
  const status = v.supersededOn ? `已于${dateText(v.supersededOn)}被第${v.no + 1}版替代` : v.publishedOn ? '施行中' : '草案';
  return {
    id: `version:${v.no}`,
    title: `${v.title}（第${v.no}版）`,
    number: v.filing?.number ?? null,
    date: v.publishedOn ?? v.adoption?.on ?? v.draftedOn,
    sealed: false,
    blocks: [
      { kind: 'field', label: '村', value: r.villageName },
      { kind: 'field', label: '版本状态', value: status },
      ...(v.publishedOn ? [{ kind: 'field' as const, label: '公布日期', value: dateText(v.publishedOn) }] : []),
      ...(v.filing ? [{ kind: 'field' as const, label: '备案', value: `${dateText(v.filing.on)}，${v.filing.number ?? ''}` }] : []),
      { kind: 'paragraph', heading: '正文', text: v.text },
      {
        kind: 'paragraph',
        heading: '表决情况',
        text: v.adoption ? `${dateText(v.adoption.on)}提交${MEETING_KINDS[v.adoption.kind]}表决：` : '尚未表决。',
      },
      ...(v.adoption ? adoptionBlocks(v.adoption) : []),
      {
        kind: 'table',
        header: ['征求意见日期', '方式', '参与人数', '意见摘要', '采纳情况'],
        rows: v.consultations.map((c) => [dateText(c.on), c.method, String(c.participants), c.opinions, c.response]),
      },
      { kind: 'signatures', lines: [`${r.villageName}村民委员会（盖章）`, '日期：'] },
    ],
  };
}

function reviewDocuments(r: VillageRules, v: RulesVersion, place: DocumentPlace): DocumentContent[] {
  return v.reviews.map((rv) => ({
    // The review's position in the record: document ids are a word and one number.
    id: `review:${rv.seq}`,
    title: '村规民约审查意见书',
    number: rv.number,
    date: rv.on,
    sealed: true,
    blocks: [
      { kind: 'field', label: '送审村规民约', value: `${r.villageName}《${v.title.replace(/[《》]/g, '')}》（第${v.no}版）` },
      { kind: 'field', label: '审查机关', value: place.agencyName },
      { kind: 'field', label: '审查日期', value: dateText(rv.on) },
      {
        kind: 'table',
        header: ['审查要点', '结论', '审查意见', '依据'],
        rows: REVIEW_POINT_IDS.map((k) => [REVIEW_POINTS[k], rv.items[k].ok ? '符合' : '不符合', rv.items[k].note, REVIEW_CITATIONS[k]]),
      },
      { kind: 'paragraph', heading: '审查意见', text: rv.opinion },
      {
        kind: 'paragraph',
        heading: '结论',
        text: rv.passed
          ? `经审查，该村规民约未发现违反法律规定的内容，可予备案（${CITE.adoption}）。`
          : `经审查，该村规民约存在上列不符合法律规定的内容，退回村民委员会依法修改后重新提交村民会议或者村民代表会议表决（${CITE.correction}；${CITE.womenCorrection}）。`,
      },
      { kind: 'signatures', lines: [`审查人：${rv.reviewer ?? ''}`, `${place.agencyName}（盖章）`] },
    ],
  }));
}

export function rulesDocuments(r: VillageRules, place: DocumentPlace): DocumentContent[] {
  return r.versions.flatMap((v) => [versionDocument(r, v), ...reviewDocuments(r, v, place)]);
}

/** A 村民代表会议's women members, and its shortfall if any (Art 25 ¶2). */
function compositionBlocks(m: VillageMeeting): Block[] {
  if (m.womenMembers == null) return [];
  return [
    { kind: 'field', label: '妇女村民代表', value: `${m.womenMembers}人（组成人员${m.entitled}人）` },
    ...(m.compositionShortfall ? [{ kind: 'paragraph' as const, heading: '组成情况', text: m.compositionShortfall }] : []),
  ];
}

export function meetingDocuments(m: VillageMeeting): DocumentContent[] {
  const q = quorum(m);
  return [
    {
      id: 'minutes',
      title: `${MEETING_KINDS[m.kind]}会议记录`,
      number: null,
      date: m.heldOn,
      sealed: false,
      blocks: [
        { kind: 'field', label: '村', value: m.villageName },
        { kind: 'field', label: '会议日期', value: dateText(m.heldOn) },
        { kind: 'field', label: '会议地点', value: m.place },
        { kind: 'field', label: '召集人（主持人）', value: m.convener },
        {
          kind: 'field',
          label: '出席情况',
          value: `应到${m.entitled}人，实到${m.present}人（法定人数${quorumMinimum(m)}人：${q.rule}，${q.citation}）`,
        },
        ...compositionBlocks(m),
        { kind: 'paragraph', heading: '会议议程', text: m.agenda },
        {
          kind: 'table',
          header: ['序号', '议题', '同意', '反对', '弃权', '结果', '村务公开'],
          rows: m.decisions.map((d) => [
            String(d.no),
            d.subject,
            String(d.votes.for),
            String(d.votes.against),
            String(d.votes.abstain),
            d.carried ? '通过' : '未通过',
            d.publicity ? dateText(d.publicity.on) : '未公开',
          ]),
        },
        { kind: 'paragraph', heading: '会议记录', text: m.minutes },
        { kind: 'signatures', lines: ['主持人（签名）：', '记录人（签名）：'] },
      ],
    },
  ];
}
