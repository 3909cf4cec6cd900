/**
 * The sample walk of 信访事项 for the generated docs (observe.ts): payloads that pass and
 * payloads meant to meet each refusal (a sixth representative, an unconfirmed oral petition,
 * a late 复查 request, a repeat after 复核); the head who approves is someone else, or the
 * clerk who asked (refused).
 */
import { addDays } from '../../src/calendar/legal-date.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { PETITIONS } from '../../src/modules/petitions/procedure.js';
import type { PetitionContext } from '../../src/modules/petitions/actions.js';
import { emptyPetition, LEGAL_ROUTE_IDS, OUTCOME_IDS, type Petition } from '../../src/modules/petitions/state.js';
import { table } from './penalty-samples.js';
import type { Scenario, Walk } from './observe.js';

const agency = { id: 'a', name: '某镇人民政府', doc_prefix: '某镇', region_path: '/x/' };
const person = (n: number) => ({ name: `某${n}`, idNumber: null, phone: null, address: '某村1组' });
const HASH = 'a'.repeat(64);
/** The one verified upload the walk's clerk has. */
const SCAN = 'b'.repeat(64);
const uploadedFile = (sha256: string) =>
  sha256 === SCAN ? { sha256, size: 2048, mime: 'application/pdf', fileName: '信访信件.pdf' } : undefined;

/** The record each routing opens, as the server would name it. */
const RECEIVERS = {
  'petition.route-to-disclosure': { subjectType: 'information-request', recordName: '政府信息公开申请', path: '/information-requests' },
  'petition.route-to-case-source': { subjectType: 'penalty-case', recordName: '行政处罚案件', path: '/penalty-cases' },
  'petition.route-to-mediation': { subjectType: 'dispute', recordName: '人民调解纠纷', path: '/disputes' },
};
const other = { kind: 'organisation', name: '某公司', idNumber: null, phone: null, address: '某村2组' };
/** What each route asks beyond the petition. */
const ROUTE_DETAILS = {
  'petition.route-to-disclosure': {},
  'petition.route-to-case-source': { field: '综合行政执法', party: other },
  'petition.route-to-mediation': {
    otherParty: { ...other, kind: 'citizen', name: '某乙', idNumber: withIdCheckChar('50024119800303123') },
  },
};

const registered = (receivedOn: string, extra: Record<string, unknown> = {}) => ({
  channel: 'visit',
  source: 'direct',
  receivedOn,
  petitioners: [person(1)],
  groupSize: null,
  request: '某请求',
  factsAndReasons: '某事实',
  category: 'land-acquisition',
  place: '某村',
  oralConfirmed: true,
  repeatOf: null,
  trackingHash: HASH,
  ...extra,
});

function payloads(type: string, p: Petition, today: string, d: string): unknown[] {
  const future = addDays(today, 1);
  const early = addDays(p.receivedOn, -1);
  const dated = (f: (x: string) => unknown) => [f(d), f(future), f(early)];
  const reply = (on: string) => ({ on, servedOn: on, outcome: 'uphold', text: '意见' });
  switch (type) {
    case 'petition.register':
      return [
        registered(today),
        registered(future),
        registered(addDays(today, -2), { channel: 'online', oralConfirmed: false }),
        registered(today, { channel: 'online', oralConfirmed: false, source: 'transferred' }),
        registered(today, { oralConfirmed: false }),
        registered(today, { channel: 'letter' }),
        registered(today, { petitioners: [1, 2, 3, 4, 5, 6].map(person), groupSize: 30 }),
        registered(today, { petitioners: [1, 2, 3].map(person), groupSize: 2 }),
        registered(today, { channel: 'letter', oralConfirmed: false, groupSize: 3 }),
        registered(today, { channel: 'letter', oralConfirmed: false, source: 'transferred', repeatOf: '某镇信登字〔2025〕第1号' }),
      ];
    case 'petition.accept':
      return dated((on) => ({ on }));
    case 'petition.decline':
      return LEGAL_ROUTE_IDS.flatMap((route) => [{ on: d, route, reason: '理由' }]).concat([
        { on: future, route: 'litigation', reason: '理由' },
      ]);
    case 'petition.route-to-disclosure':
    case 'petition.route-to-case-source':
    case 'petition.route-to-mediation': {
      // The server names the record it opens (prepare); without one, yifa runs no such procedure.
      const linkedTo = { ...RECEIVERS[type as keyof typeof RECEIVERS], id: '00000000-0000-4000-8000-000000000001' };
      const details = ROUTE_DETAILS[type as keyof typeof ROUTE_DETAILS];
      return [
        { on: today, reason: '理由', ...details, linkedTo },
        { on: today, reason: '理由', ...details },
        { on: future, reason: '理由', ...details, linkedTo },
        { on: early, reason: '理由', ...details, linkedTo },
      ];
    }
    case 'petition.transfer':
    case 'petition.assign':
      return dated((on) => ({ on, to: '某局', reason: '理由' }));
    case 'petition.record-report':
      return dated((on) => ({ on, text: '已办结' }));
    case 'petition.object-misroute':
      return [...dated((on) => ({ on, reason: '不属于本机关职责' })), { on: addDays(p.receivedOn, 12), reason: '不属于本机关职责' }];
    case 'petition.add-note':
      return dated((on) => ({ on, kind: 'visit', text: '核实情况' }));
    case 'petition.hold-hearing':
      return dated((on) => ({ on, participants: '某某', summary: '听证情况' }));
    case 'petition.request-extension':
      return [{ days: 30, reason: '情况复杂' }];
    case 'petition.approve':
      return [
        { kind: 'extension', opinion: '同意' },
        { kind: 'merge', opinion: '同意' },
      ];
    case 'petition.reject':
      return [
        { kind: 'extension', reason: '不同意' },
        { kind: 'merge', reason: '不同意' },
      ];
    case 'petition.merge':
    case 'petition.request-merge':
      return [{ into: KEPT, reason: '同一事项' }];
    case 'petition.note-merged':
      return [{ number: '某镇信登字〔2025〕第3号' }];
    case 'petition.attach-file':
    case 'petition.submit-material':
      return [SCAN, '0'.repeat(64)].map((sha256) => ({ type: 'letter', title: '信访信件', description: '扫描件', file: { sha256 } }));
    case 'petition.withdraw-file':
      return [...(p.attachments ?? []), { seq: 9999 }].map((e) => ({ seq: e.seq, reason: '误传' }));
    case 'petition.record-agreement':
      return [...dated((on) => ({ on, kind: 'mediation', parties: '某1、某村委会', terms: '补偿 2000 元', performance: '30 日内付清' }))];
    case 'petition.issue-opinion':
      return OUTCOME_IDS.map((outcome) => ({ on: d, servedOn: d, outcome, facts: '事实', basis: '依据', text: '意见' })).concat([
        { on: d, servedOn: addDays(d, -1), outcome: 'support', facts: '事实', basis: '依据', text: '意见' },
        { on: future, servedOn: future, outcome: 'support', facts: '事实', basis: '依据', text: '意见' },
      ]);
    case 'petition.request-review':
    case 'petition.request-recheck':
      return [
        ...dated((on) => ({ on, body: '某县人民政府', reason: '不服' })),
        { on: addDays(today, -1), body: '某县人民政府', reason: '不服' },
      ];
    case 'petition.review-reply':
    case 'petition.recheck-reply':
      return [reply(d), reply(future), { ...reply(d), servedOn: addDays(d, -1) }];
    case 'petition.rate':
      return [...dated((on) => ({ on, rating: 'satisfied', comment: null }))];
    default:
      throw new Error(`no sample payloads for ${type}`);
  }
}

/** The petition a merge keeps, and the one merged into the walk's petition ('p'). */
const KEPT = '某镇信登字〔2025〕第2号';
const target = (samePetitioner: boolean, mergedInto: string | null = null) => ({
  mergeTarget: { id: 'kept', number: KEPT, status: 'accepted' as const, mergedInto, samePetitioner },
  mergeSource: { id: 'dup', number: '某镇信登字〔2025〕第3号', mergedInto: samePetitioner ? 'p' : 'elsewhere' },
});

const ctx = (
  today: string,
  actor: PetitionContext['actor'],
  prior?: PetitionContext['prior'],
  merge: Partial<PetitionContext> = {},
): PetitionContext => ({
  today,
  table,
  actor,
  agency,
  uploadedFile,
  ...(prior !== undefined ? { prior } : {}),
  ...merge,
});
const CLERK = { personId: 'clerk', userId: 'clerk-user' };

/** The long paths: through 复查 and 复核 with an extension; a repeat after 复核; a transferred item objected to; an assignment reported. */
const SCENARIOS: Scenario<Petition>[] = [
  {
    name: 'handled, extended, reviewed and rechecked',
    start: '2025-03-03',
    steps: [
      { type: 'petition.register', payload: (_p, on) => registered(on) },
      { type: 'petition.accept', payload: (_p, on) => ({ on }) },
      { type: 'petition.add-note', wait: 2, payload: (_p, on) => ({ on, kind: 'site', text: '核实' }) },
      { type: 'petition.hold-hearing', wait: 2, payload: (_p, on) => ({ on, participants: '某某', summary: '听证' }) },
      { type: 'petition.request-extension', wait: 20, payload: () => ({ days: 20, reason: '情况复杂' }) },
      { type: 'petition.approve', payload: () => ({ kind: 'extension', opinion: '同意' }) },
      {
        type: 'petition.issue-opinion',
        wait: 10,
        payload: (_p, on) => ({ on, servedOn: on, outcome: 'reject', facts: '事实', basis: '依据', text: '意见' }),
      },
      { type: 'petition.rate', payload: (_p, on) => ({ on, rating: 'dissatisfied', comment: null }) },
      { type: 'petition.request-review', wait: 5, payload: (_p, on) => ({ on, body: '某县人民政府', reason: '不服' }) },
      { type: 'petition.review-reply', wait: 10, payload: (_p, on) => ({ on, servedOn: on, outcome: 'uphold', text: '维持' }) },
      { type: 'petition.request-recheck', wait: 5, payload: (_p, on) => ({ on, body: '某市人民政府', reason: '不服' }) },
      { type: 'petition.recheck-reply', wait: 10, payload: (_p, on) => ({ on, servedOn: on, outcome: 'uphold', text: '维持' }) },
    ],
  },
  {
    name: 'transferred in and objected to',
    start: '2025-04-01',
    steps: [
      {
        type: 'petition.register',
        payload: (_p, on) => registered(on, { channel: 'letter', oralConfirmed: false, source: 'transferred' }),
      },
      { type: 'petition.object-misroute', wait: 2, payload: (_p, on) => ({ on, reason: '不属于本机关职责' }) },
    ],
  },
  {
    name: 'assigned and reported',
    start: '2025-04-01',
    steps: [
      { type: 'petition.register', payload: (_p, on) => registered(on) },
      { type: 'petition.assign', payload: (_p, on) => ({ on, to: '某站所', reason: '请办理' }) },
      { type: 'petition.record-report', wait: 20, payload: (_p, on) => ({ on, text: '已办结' }) },
    ],
  },
];

export const PETITION_WALK: Walk<Petition, PetitionContext> = {
  seed: 20_261_202,
  runs: 40,
  steps: 25,
  start: '2025-01-02',
  actor: CLERK,
  contexts: (today) => [
    ctx(today, { personId: 'head', userId: 'head-user' }),
    ctx(today, CLERK),
    ctx(today, { personId: 'head', userId: 'head-user' }, { status: 'rechecked', number: '某镇信登字〔2025〕第1号' }),
    ctx(today, { personId: 'head', userId: 'head-user' }, { status: 'accepted', number: '某镇信登字〔2025〕第1号' }),
    ctx(today, { personId: 'head', userId: 'head-user' }, null),
    ctx(today, { personId: 'head', userId: 'head-user' }, undefined, target(true)),
    ctx(today, { personId: 'head', userId: 'head-user' }, undefined, target(false)),
    ctx(today, { personId: 'head', userId: 'head-user' }, undefined, target(true, 'other')),
    ctx(today, { personId: 'head', userId: 'head-user' }, undefined, { mergeTarget: null, mergeSource: null }),
  ],
  payloads,
  scenarios: SCENARIOS,
  deadlines: (p, today) => PETITIONS.deadlines(p, { table, today }),
  progress: [
    'petition.accept',
    'petition.assign',
    'petition.add-note',
    'petition.request-extension',
    'petition.approve',
    'petition.issue-opinion',
    'petition.request-review',
    'petition.review-reply',
    'petition.request-recheck',
    'petition.recheck-reply',
  ],
  empty: (today) => emptyPetition('p', 'a', '/x/', today),
};
