/**
 * The sample walk of 行政规范性文件 for the generated docs (observe.ts): payloads that pass and
 * payloads meant to meet each refusal (a date in the future, a checklist "yes" to a fine, an
 * unqualified reviewer), and the whole life as a scenario: refused for a fine, amended,
 * passed, deliberated, published, filed, renewed.
 */
import { addDays } from '../../src/calendar/legal-date.js';
import type { NormativeContext } from '../../src/modules/normative-docs/actions.js';
import { NORMATIVE_DOCS } from '../../src/modules/normative-docs/procedure.js';
import { CHECK_ITEMS } from '../../src/modules/normative-docs/law.js';
import { emptyDoc, type NormativeDoc } from '../../src/modules/normative-docs/state.js';
import { table } from './penalty-samples.js';
import type { Scenario, Walk } from './observe.js';

const agency = { id: 'a', name: '某镇人民政府', doc_prefix: '某镇', region_path: '/x/' };
const checklist = (yes: string[] = []) => Object.fromEntries(CHECK_ITEMS.map((k) => [k, { yes: yes.includes(k), note: '审查' }]));
const text1 = '某镇管理暂行办法\n第一条 为加强管理，制定本办法。\n第二条 违反的，处以200元罚款。\n';
const text2 = '某镇管理暂行办法\n第一条 为加强管理，制定本办法。\n第二条 违反的，依照有关法律处理。\n';

const draft = (draftedOn: string, provisional = true) => ({
  title: '某镇管理暂行办法',
  drafter: '某镇党政办公室',
  draftedOn,
  explanation: '说明',
  legalBasis: '依据',
  marketActivity: true,
  provisional,
  validityYears: 2,
  text: text1,
});

function payloads(type: string, d0: NormativeDoc, today: string, d: string): unknown[] {
  const future = addDays(today, 1);
  const dated = (f: (x: string) => unknown) => [f(d), f(future)];
  switch (type) {
    case 'normative.draft':
      return [draft(today), draft(future), draft(today, false)];
    case 'normative.scope':
      return [
        { on: d, inScope: true, reason: '涉及权利义务' },
        { on: future, inScope: true, reason: '涉及' },
        { on: d, inScope: false, reason: '内部' },
      ];
    case 'normative.amend':
      return [
        { text: text2, note: '删除罚款' },
        { text: text1, note: '未改' },
      ];
    case 'normative.open-comment':
      return [
        { openedOn: d, until: addDays(d, 10), channel: '网站' },
        { openedOn: d, until: d, channel: '网站' },
      ];
    case 'normative.add-comment':
      return dated((on) => ({ on, from: '村民', text: '意见', adopted: false, response: '说明' }));
    case 'normative.close-comment':
      return dated((on) => ({ on, summary: '情况' }));
    case 'normative.fair-competition':
      return dated((on) => ({ on, passed: true, note: '通过' }));
    case 'normative.submit-review':
      return dated((on) => ({ on, materials: '送审稿' }));
    case 'normative.review-opinion':
      return [
        { on: d, checklist: checklist(), opinion: 'agree', reasons: '同意', clauses: null },
        { on: d, checklist: checklist(['createsPenalty']), opinion: 'agree-with-changes', reasons: '罚款', clauses: '第二条' },
        { on: d, checklist: checklist(['createsPenalty']), opinion: 'disagree', reasons: '罚款', clauses: '第二条' },
        { on: d, checklist: checklist(), opinion: 'disagree', reasons: '不同意', clauses: null },
        { on: future, checklist: checklist(), opinion: 'agree', reasons: '同意', clauses: null },
      ];
    case 'normative.deliberate':
      return dated((on) => ({ on, meeting: '镇长办公会议', present: '镇长', minutes: '同意', adopted: true }));
    case 'normative.sign':
      return dated((on) => ({ on, by: '镇长' }));
    case 'normative.publish':
      return [
        { on: d, effectiveOn: null, immediateReason: null },
        { on: d, effectiveOn: d, immediateReason: null },
        { on: future, effectiveOn: null, immediateReason: null },
      ];
    case 'normative.file':
      return dated((on) => ({ on, to: '县人民政府', note: '备案报告' }));
    case 'normative.renew':
      return dated((on) => ({ on, evaluation: '继续施行' }));
    case 'normative.lapse':
      return dated((on) => ({ on, reason: '届满' }));
    case 'normative.cleanup':
      return (['keep', 'repeal'] as const).flatMap((result) => dated((on) => ({ on, result, reason: '清理' })));
    case 'normative.receive-challenge':
      return dated((on) => ({
        on,
        by: '某县人民政府',
        caseNumber: '某复〔2026〕1号',
        clauses: '第二条',
        points: '违法设定罚款',
        reviewing: null,
      }));
    case 'normative.answer-challenge':
      return [...dated((on) => ({ challenge: d0.challenges[0]?.seq ?? 1, on, text: '答复' })), { challenge: 99, on: d, text: '答复' }];
    case 'normative.record-ruling':
      return dated((on) => ({ challenge: d0.challenges[0]?.seq ?? 1, on, lawful: false, reason: '停止执行第二条', reviewing: null }));
    default:
      throw new Error(`no sample payloads for ${type}`);
  }
}

const ctx = (today: string, qualified: boolean): NormativeContext => ({
  today,
  table,
  actor: { personId: 'adviser', userId: 'adviser-user' },
  agency,
  uploadedFile: () => undefined,
  reviewer: { name: '某某', qualification: qualified ? '法律职业资格证书 A2016' : null },
  referralNamed: false,
});

/** Drafted to published in one pass (passed at the first review). */
const publishedOnce: Scenario<NormativeDoc>['steps'] = [
  { type: 'normative.draft', payload: (_d, on) => ({ ...draft(on), text: text2 }) },
  { type: 'normative.scope', payload: (_d, on) => ({ on, inScope: true, reason: '涉及权利义务' }) },
  { type: 'normative.open-comment', payload: (_d, on) => ({ openedOn: on, until: addDays(on, 10), channel: '网站' }) },
  { type: 'normative.close-comment', wait: 12, payload: (_d, on) => ({ on, summary: '情况' }) },
  { type: 'normative.fair-competition', payload: (_d, on) => ({ on, passed: true, note: '通过' }) },
  { type: 'normative.submit-review', payload: (_d, on) => ({ on, materials: '送审稿' }) },
  {
    type: 'normative.review-opinion',
    wait: 2,
    payload: (_d, on) => ({ on, checklist: checklist(), opinion: 'agree', reasons: '同意', clauses: null }),
  },
  {
    type: 'normative.deliberate',
    wait: 2,
    payload: (_d, on) => ({ on, meeting: '镇长办公会议', present: '镇长', minutes: '同意', adopted: true }),
  },
  { type: 'normative.sign', payload: (_d, on) => ({ on, by: '镇长' }) },
  { type: 'normative.publish', payload: (_d, on) => ({ on, effectiveOn: null, immediateReason: null }) },
];

const SCENARIOS: Scenario<NormativeDoc>[] = [
  {
    name: 'published, lapsed',
    start: '2025-03-03',
    steps: [...publishedOnce, { type: 'normative.lapse', wait: 800, payload: (_d, on) => ({ on, reason: '届满' }) }],
  },
  {
    name: 'published, repealed in a cleanup',
    start: '2025-03-03',
    steps: [...publishedOnce, { type: 'normative.cleanup', wait: 200, payload: (_d, on) => ({ on, result: 'repeal', reason: '清理' }) }],
  },
  {
    name: 'published, challenged in a 行政复议 from outside yifa, answered, ruled unlawful',
    start: '2025-03-03',
    steps: [
      ...publishedOnce,
      {
        type: 'normative.receive-challenge',
        wait: 100,
        payload: (_d, on) => ({
          on,
          by: '某县人民政府',
          caseNumber: '某复〔2025〕3号',
          clauses: '第二条',
          points: '违法设定义务',
          reviewing: null,
        }),
      },
      {
        type: 'normative.answer-challenge',
        wait: 5,
        payload: (d, on) => ({ challenge: d.challenges[0]!.seq, on, text: '第二条依据上位法' }),
      },
      {
        type: 'normative.record-ruling',
        wait: 10,
        payload: (d, on) => ({ challenge: d.challenges[0]!.seq, on, lawful: false, reason: '停止执行第二条，责令纠正' }),
      },
    ],
  },
  {
    name: 'refused for a fine, amended, passed, published, filed, renewed',
    start: '2025-03-03',
    steps: [
      { type: 'normative.draft', payload: (_d, on) => draft(on) },
      { type: 'normative.scope', payload: (_d, on) => ({ on, inScope: true, reason: '涉及权利义务' }) },
      { type: 'normative.open-comment', payload: (_d, on) => ({ openedOn: on, until: addDays(on, 10), channel: '网站' }) },
      { type: 'normative.close-comment', wait: 12, payload: (_d, on) => ({ on, summary: '情况' }) },
      { type: 'normative.fair-competition', payload: (_d, on) => ({ on, passed: true, note: '通过' }) },
      { type: 'normative.submit-review', payload: (_d, on) => ({ on, materials: '送审稿' }) },
      {
        type: 'normative.review-opinion',
        wait: 2,
        payload: (_d, on) => ({ on, checklist: checklist(['createsPenalty']), opinion: 'disagree', reasons: '罚款', clauses: '第二条' }),
      },
      { type: 'normative.amend', payload: () => ({ text: text2, note: '删除罚款' }) },
      { type: 'normative.submit-review', payload: (_d, on) => ({ on, materials: '修改稿' }) },
      {
        type: 'normative.review-opinion',
        wait: 2,
        payload: (_d, on) => ({ on, checklist: checklist(), opinion: 'agree', reasons: '同意', clauses: null }),
      },
      {
        type: 'normative.deliberate',
        wait: 2,
        payload: (_d, on) => ({ on, meeting: '镇长办公会议', present: '镇长', minutes: '同意', adopted: true }),
      },
      { type: 'normative.sign', payload: (_d, on) => ({ on, by: '镇长' }) },
      { type: 'normative.publish', payload: (_d, on) => ({ on, effectiveOn: null, immediateReason: null }) },
      { type: 'normative.file', wait: 10, payload: (_d, on) => ({ on, to: '县人民政府', note: '备案报告' }) },
      { type: 'normative.renew', wait: 600, payload: (_d, on) => ({ on, evaluation: '继续施行' }) },
    ],
  },
];

export const NORMATIVE_WALK: Walk<NormativeDoc, NormativeContext> = {
  seed: 20_261_203,
  runs: 40,
  steps: 20,
  start: '2025-01-02',
  actor: { personId: 'adviser', userId: 'adviser-user' },
  contexts: (today) => [ctx(today, true), ctx(today, false)],
  payloads,
  scenarios: SCENARIOS,
  deadlines: (d, today) => NORMATIVE_DOCS.deadlines(d, { table, today }),
  progress: [
    'normative.scope',
    'normative.open-comment',
    'normative.close-comment',
    'normative.fair-competition',
    'normative.submit-review',
    'normative.review-opinion',
    'normative.amend',
    'normative.deliberate',
    'normative.sign',
    'normative.publish',
    'normative.file',
  ],
  empty: (today) => emptyDoc('d', 'a', '/x/', today),
};
