/**
 * The sample walk of 人民调解 for the generated docs (observe.ts): payloads that pass and
 * payloads meant to meet each refusal, under a context whose committee has the sample mediator
 * and one whose registration names no committee.
 */
import { addDays } from '../../src/calendar/legal-date.js';
import type { MediationContext } from '../../src/modules/mediation/actions.js';
import { DISPUTES } from '../../src/modules/mediation/procedure.js';
import { idCheckChar } from '../../src/platform/identity/numbers.js';
import { emptyDispute, type Dispute } from '../../src/modules/mediation/state.js';
import { table } from './penalty-samples.js';
import type { Scenario, Walk } from './observe.js';

const agency = { id: 'a', name: '某镇人民政府', doc_prefix: '某镇', region_path: '/x/' };
const id = (first17: string) => first17 + idCheckChar(first17);
const partyA = { kind: 'citizen', name: '田某某', idNumber: id('50024119700101001'), phone: null, address: null };
const partyB = { kind: 'citizen', name: '杨某某', idNumber: id('50024119700101002'), phone: null, address: null };
const committee = {
  id: 'c',
  name: '某村人民调解委员会',
  agencyId: 'a',
  regionPath: '/x/v/',
  memberIds: ['mediator'],
  memberNames: { mediator: '某某' },
};
const terms = { terms: '协议', performance: '当场履行', amountFen: 10000 };

function payloads(type: string, d0: Dispute, today: string, d: string): unknown[] {
  const future = addDays(today, 1);
  const early = addDays(d0.registeredOn, -1);
  const dated = (f: (x: string) => unknown) => [f(d), f(future), f(early)];
  switch (type) {
    case 'dispute.register':
      return [today, future]
        .flatMap((registeredOn) =>
          (['application', 'referral'] as const).flatMap((source) =>
            [null, 'court'].map((referredBy) => ({
              committeeId: null,
              registeredOn,
              source,
              referredBy,
              category: 'land',
              partyA,
              partyB,
              facts: '事实',
              points: '焦点',
            })),
          ),
        )
        .concat([
          {
            committeeId: null,
            registeredOn: today,
            source: 'application',
            referredBy: null,
            category: 'land',
            partyA,
            partyB: partyA,
            facts: '事实',
            points: '焦点',
          },
        ]);
    case 'dispute.consent':
      return dated((on) => ({ on, note: '同意' }));
    case 'dispute.decline':
      return [...dated((on) => ({ on, refusedBy: '杨某某', note: '拒绝' })), { on: d, refusedBy: '王某某', note: '拒绝' }];
    case 'dispute.assign-mediators':
      return [...dated((on) => ({ on, chosen: false, personIds: ['mediator'] })), { on: d, chosen: true, personIds: ['stranger'] }];
    case 'dispute.record-session':
      return dated((on) => ({ on, place: '调解室', present: '双方', record: '笔录' }));
    case 'dispute.report-risk':
      return dated((on) => ({ on, to: '某派出所', note: '可能激化' }));
    case 'dispute.written-agreement':
      return [true, false].flatMap((signed) => dated((on) => ({ on, ...terms, responsibility: '双方', signed })));
    case 'dispute.oral-agreement':
      return dated((on) => ({ on, ...terms }));
    case 'dispute.end':
      return dated((on) => ({ on, reason: '分歧较大', routes: '可以起诉' }));
    case 'dispute.follow-up':
      return (['full', 'partial'] as const).flatMap((performance) => dated((on) => ({ on, performance, note: '回访' })));
    case 'dispute.apply-confirmation':
      return [true, false].flatMap((joint) =>
        [d, future, addDays(d0.outcome?.on ?? d, 40)].map((appliedOn) => ({ appliedOn, court: '某县人民法院', joint })),
      );
    case 'dispute.record-court-result':
      return dated((on) => ({ on, result: 'confirmed', note: '裁定' }));
    default:
      throw new Error(`no sample payloads for ${type}`);
  }
}

const ctx = (today: string, withCommittee: boolean): MediationContext => ({
  today,
  table,
  actor: { personId: 'mediator', userId: 'mediator-user' },
  agency,
  uploadedFile: () => undefined,
  committee: withCommittee ? committee : null,
  actorCommittees: withCommittee ? ['c'] : [],
  screeningItem: null,
});

const registered = (_d: Dispute, registeredOn: string) => ({
  committeeId: 'c',
  registeredOn,
  source: 'application',
  referredBy: null,
  category: 'land',
  partyA,
  partyB,
  facts: '事实',
  points: '焦点',
});

const mediated = [
  { type: 'dispute.register', payload: registered },
  { type: 'dispute.consent', payload: (_d: Dispute, on: string) => ({ on, note: '同意' }) },
  { type: 'dispute.assign-mediators', payload: (_d: Dispute, on: string) => ({ on, chosen: false, personIds: ['mediator'] }) },
  {
    type: 'dispute.record-session',
    wait: 2,
    payload: (_d: Dispute, on: string) => ({ on, place: '调解室', present: '双方', record: '笔录' }),
  },
];

/** The long paths: an agreement to 司法确认 and its follow-up; one ended; one past its 30 days. */
const SCENARIOS: Scenario<Dispute>[] = [
  {
    name: 'written agreement, 司法确认, performed',
    start: '2025-03-03',
    steps: [
      ...mediated,
      { type: 'dispute.written-agreement', wait: 3, payload: (_d, on) => ({ on, ...terms, responsibility: '双方', signed: true }) },
      { type: 'dispute.apply-confirmation', wait: 10, payload: (_d, appliedOn) => ({ appliedOn, court: '某县人民法院', joint: true }) },
      { type: 'dispute.record-court-result', wait: 10, payload: (_d, on) => ({ on, result: 'confirmed', note: '裁定' }) },
      { type: 'dispute.follow-up', wait: 5, payload: (_d, on) => ({ on, performance: 'full', note: '已履行' }) },
    ],
  },
  {
    name: 'ended',
    start: '2025-03-03',
    steps: [...mediated, { type: 'dispute.end', wait: 20, payload: (_d, on) => ({ on, reason: '分歧较大', routes: '可以起诉' }) }],
  },
];

export const MEDIATION_WALK: Walk<Dispute, MediationContext> = {
  seed: 20_261_202,
  runs: 40,
  steps: 20,
  start: '2025-01-02',
  actor: { personId: 'mediator', userId: 'mediator-user' },
  contexts: (today) => [ctx(today, true), ctx(today, false)],
  payloads,
  scenarios: SCENARIOS,
  deadlines: (d, today) => DISPUTES.deadlines(d, { table, today }),
  progress: [
    'dispute.consent',
    'dispute.assign-mediators',
    'dispute.record-session',
    'dispute.written-agreement',
    'dispute.oral-agreement',
    'dispute.apply-confirmation',
    'dispute.follow-up',
    'dispute.end',
  ],
  empty: (today) => emptyDispute('d', 'a', '/x/', today),
};
