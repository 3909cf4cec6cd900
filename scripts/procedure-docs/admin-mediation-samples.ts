/**
 * The sample walk of 行政调解 for the generated docs (observe.ts): payloads that pass and
 * payloads meant to meet each refusal, under a context with the agency's own penalty case and
 * one where the named case belongs to another agency.
 */
import { addDays } from '../../src/calendar/legal-date.js';
import type { AdminMediationContext } from '../../src/modules/mediation/admin-actions.js';
import { ADMIN_MEDIATIONS } from '../../src/modules/mediation/admin-procedure.js';
import { emptyAdminMediation, type AdminMediation } from '../../src/modules/mediation/admin-state.js';
import { idCheckChar } from '../../src/platform/identity/numbers.js';
import { table } from './penalty-samples.js';
import type { Scenario, Walk } from './observe.js';

const agency = { id: 'a', name: '某镇人民政府', doc_prefix: '某镇', region_path: '/x/' };
const id = (first17: string) => first17 + idCheckChar(first17);
const partyA = { kind: 'citizen', name: '田某某', idNumber: id('50024119700101001'), phone: null, address: null };
const partyB = { kind: 'citizen', name: '杨某某', idNumber: id('50024119700101002'), phone: null, address: null };
const terms = { terms: '协议', performance: '当场履行', amountFen: 10000 };

const registration = (registeredOn: string, basis: string, penaltyCaseId: string | null, b = partyB) => ({
  registeredOn,
  source: 'application',
  basis,
  category: 'damages',
  partyA,
  partyB: b,
  facts: '事实',
  points: '焦点',
  penaltyCaseId,
});

function payloads(type: string, m0: AdminMediation, today: string, d: string): unknown[] {
  const future = addDays(today, 1);
  const early = addDays(m0.registeredOn, -1);
  const dated = (f: (x: string) => unknown) => [f(d), f(future), f(early)];
  switch (type) {
    case 'admin-mediation.register':
      return [
        registration(today, 'civil', null),
        registration(future, 'civil', null),
        registration(today, 'publicOrder', null),
        registration(today, 'publicOrder', 'case'),
        registration(today, 'civil', 'case'),
        registration(today, 'civil', null, partyA),
      ];
    case 'admin-mediation.consent':
      return dated((on) => ({ on, hosts: '张某、李某', note: '同意' }));
    case 'admin-mediation.decline':
      return [...dated((on) => ({ on, refusedBy: '杨某某', note: '拒绝' })), { on: d, refusedBy: '王某某', note: '拒绝' }];
    case 'admin-mediation.record-session':
      return dated((on) => ({ on, place: '调解室', present: '双方', record: '笔录' }));
    case 'admin-mediation.agreement':
      return [true, false].flatMap((signed) => dated((on) => ({ on, ...terms, responsibility: '双方', signed })));
    case 'admin-mediation.end':
      return dated((on) => ({ on, reason: '分歧较大', routes: '可以起诉' }));
    case 'admin-mediation.follow-up':
      return (['full', 'partial'] as const).flatMap((performance) => dated((on) => ({ on, performance, note: '回访' })));
    default:
      throw new Error(`no sample payloads for ${type}`);
  }
}

const ctx = (today: string, own: boolean): AdminMediationContext => ({
  today,
  table,
  actor: { personId: 'officer', userId: 'officer-user' },
  agency,
  uploadedFile: () => undefined,
  actorAgencyId: 'a',
  penaltyCase: { procedure: 'penalty-case', id: 'case', title: '杨某某林区用火', agencyId: own ? 'a' : 'b', status: 'decided' },
});

const consented = [
  { type: 'admin-mediation.register', payload: (_m: AdminMediation, on: string) => registration(on, 'publicOrder', 'case') },
  { type: 'admin-mediation.consent', payload: (_m: AdminMediation, on: string) => ({ on, hosts: '张某', note: '同意' }) },
  {
    type: 'admin-mediation.record-session',
    wait: 2,
    payload: (_m: AdminMediation, on: string) => ({ on, place: '调解室', present: '双方', record: '笔录' }),
  },
];

const SCENARIOS: Scenario<AdminMediation>[] = [
  {
    name: 'agreement under the agency’s seal, performed',
    start: '2025-03-03',
    steps: [
      ...consented,
      { type: 'admin-mediation.agreement', wait: 3, payload: (_m, on) => ({ on, ...terms, responsibility: '双方', signed: true }) },
      { type: 'admin-mediation.follow-up', wait: 10, payload: (_m, on) => ({ on, performance: 'full', note: '已履行' }) },
    ],
  },
  {
    name: 'ended',
    start: '2025-03-03',
    steps: [...consented, { type: 'admin-mediation.end', wait: 20, payload: (_m, on) => ({ on, reason: '分歧较大', routes: '可以起诉' }) }],
  },
];

export const ADMIN_MEDIATION_WALK: Walk<AdminMediation, AdminMediationContext> = {
  seed: 20_261_203,
  runs: 40,
  steps: 16,
  start: '2025-01-02',
  actor: { personId: 'officer', userId: 'officer-user' },
  contexts: (today) => [ctx(today, true), ctx(today, false)],
  payloads,
  scenarios: SCENARIOS,
  deadlines: (m, today) => ADMIN_MEDIATIONS.deadlines(m, { table, today }),
  progress: [
    'admin-mediation.consent',
    'admin-mediation.record-session',
    'admin-mediation.agreement',
    'admin-mediation.follow-up',
    'admin-mediation.end',
  ],
  empty: (today) => emptyAdminMediation('m', 'a', '/x/', today),
};
