/**
 * The sample walk of 政府信息公开申请 for the generated docs (observe.ts): payloads that pass
 * and payloads meant to meet each refusal; the head who approves is someone else, or the
 * clerk who asked (refused).
 */
import { addDays } from '../../src/calendar/legal-date.js';
import type { BaseContext } from '../../src/procedure/served.js';
import { INFORMATION_REQUESTS } from '../../src/modules/information-requests/procedure.js';
import { emptyRequest, REPLY_TYPE_IDS, type InformationRequest } from '../../src/modules/information-requests/state.js';
import { table } from './penalty-samples.js';
import type { Scenario, Walk } from './observe.js';

const agency = { id: 'a', name: '某镇人民政府', doc_prefix: '某镇', region_path: '/x/' };
const applicant = { kind: 'citizen', name: '某某', idNumber: '500241199001011236', phone: '13800001234', email: null, address: null };
const HASH = 'a'.repeat(64);
/** The one file the sample clerk has uploaded and the server verified */
const SCAN = 'b'.repeat(64);

function payloads(type: string, r: InformationRequest, today: string, d: string): unknown[] {
  const future = addDays(today, 1);
  const early = addDays(r.receivedOn, -1);
  const dated = (f: (x: string) => unknown) => [f(d), f(future), f(early)];
  switch (type) {
    case 'information-request.submit':
      return [
        ...(['online', 'counter', 'letter'] as const).flatMap((channel) =>
          [today, addDays(today, -2), future].map((receivedOn) => ({
            channel,
            receivedOn,
            applicant,
            description: '某信息',
            form: 'paper',
            trackingHash: HASH,
          })),
        ),
        {
          channel: 'counter',
          receivedOn: today,
          applicant: { ...applicant, phone: null },
          description: '某信息',
          form: 'paper',
          trackingHash: HASH,
        },
      ];
    case 'information-request.request-correction':
      return [
        ...dated((on) => ({ on, items: '请写明具体项目', answerBy: addDays(d, 10) })),
        { on: d, items: '请写明具体项目', answerBy: d },
        { on: d, items: '请写明具体项目', answerBy: addDays(d, 1) },
        { on: addDays(r.receivedOn, 12), items: '请写明具体项目', answerBy: addDays(r.receivedOn, 20) },
      ];
    case 'information-request.answer-correction':
      return [
        { on: d, answer: '具体项目', lateReason: null },
        { on: d, answer: '具体项目', lateReason: '外出' },
        { on: future, answer: '具体项目', lateReason: null },
        ...(r.correction ? [{ on: addDays(r.correction.noticeOn, -1), answer: '具体项目', lateReason: null }] : []),
      ];
    case 'information-request.deem-withdrawn':
      return [...dated((on) => ({ on })), ...(r.correction ? [{ on: r.correction.answerBy }] : [])];
    case 'information-request.consult-third-party':
      return dated((sentOn) => ({ sentOn, thirdParty: '某公司', matter: '可能涉及商业秘密' }));
    case 'information-request.record-opinion':
      return [...r.consultations, { seq: 9999, sentOn: d }].flatMap((c) =>
        (['agree', 'object', 'none'] as const).flatMap((opinion) => [
          { consultationSeq: c.seq, on: d, opinion, reason: null },
          { consultationSeq: c.seq, on: d, opinion, reason: '涉及商业秘密' },
          { consultationSeq: c.seq, on: addDays(c.sentOn, -1), opinion, reason: null },
          { consultationSeq: c.seq, on: future, opinion, reason: null },
        ]),
      );
    case 'information-request.request-extension':
      return [{ days: 20, reason: '需要调取档案' }];
    case 'information-request.approve':
      return [{ kind: 'extension', opinion: '同意' }];
    case 'information-request.reject':
      return [{ kind: 'extension', reason: '不同意' }];
    case 'information-request.reply':
      return REPLY_TYPE_IDS.flatMap((type) => [
        { on: d, type, text: '答复', ground: null, referTo: null, publicInterest: null },
        { on: d, type, text: '答复', ground: 'process', referTo: '某机关', publicInterest: null },
        { on: d, type, text: '答复', ground: null, referTo: '某机关', publicInterest: '重大公共利益' },
      ]).concat([
        { on: future, type: 'not-exist', text: '答复', ground: null, referTo: null, publicInterest: null },
        { on: early, type: 'not-exist', text: '答复', ground: null, referTo: null, publicInterest: null },
      ]);
    case 'information-request.attach-file':
      return [SCAN, '0'.repeat(64)].map((sha256) => ({ type: 'application', title: '申请书', description: '扫描件', file: { sha256 } }));
    case 'information-request.withdraw-file':
      return [...(r.evidence ?? []), { seq: 9999 }].map((e) => ({ seq: e.seq, reason: '误传' }));
    default:
      throw new Error(`no sample payloads for ${type}`);
  }
}

const uploadedFile = (sha256: string) =>
  sha256 === SCAN ? { sha256, size: 2048, mime: 'application/pdf', fileName: '申请书.pdf' } : undefined;
const ctx = (today: string, actor: BaseContext['actor']): BaseContext => ({ today, table, actor, agency, uploadedFile });

const submitted = (_r: InformationRequest, receivedOn: string) => ({
  channel: 'counter',
  receivedOn,
  applicant,
  description: '某信息',
  form: 'paper',
  trackingHash: HASH,
});

/** The paths that wait: a correction never answered; a consultation, an extension and a reply over an objection. */
const SCENARIOS: Scenario<InformationRequest>[] = [
  {
    name: 'deemed withdrawn',
    start: '2025-03-03',
    steps: [
      { type: 'information-request.submit', payload: submitted },
      { type: 'information-request.request-correction', payload: (_r, on) => ({ on, items: '请写明具体项目', answerBy: addDays(on, 2) }) },
      { type: 'information-request.deem-withdrawn', wait: 5, payload: (_r, on) => ({ on }) },
    ],
  },
  {
    name: 'consulted, extended, disclosed over an objection',
    start: '2025-03-03',
    steps: [
      { type: 'information-request.submit', payload: submitted },
      {
        type: 'information-request.consult-third-party',
        payload: (_r, sentOn) => ({ sentOn, thirdParty: '某公司', matter: '可能涉及商业秘密' }),
      },
      {
        type: 'information-request.record-opinion',
        wait: 3,
        payload: (r, on) => ({ consultationSeq: r.consultations[0]!.seq, on, opinion: 'object', reason: '涉及商业秘密' }),
      },
      { type: 'information-request.request-extension', payload: () => ({ days: 20, reason: '需要调取档案' }) },
      { type: 'information-request.approve', payload: () => ({ kind: 'extension', opinion: '同意' }) },
      {
        type: 'information-request.reply',
        wait: 10,
        payload: (_r, on) => ({ on, type: 'disclose', text: '答复', ground: null, referTo: null, publicInterest: '涉及重大公共利益' }),
      },
    ],
  },
];

export const INFORMATION_REQUEST_WALK: Walk<InformationRequest, BaseContext> = {
  seed: 20_260_506,
  runs: 40,
  steps: 25,
  start: '2025-01-02',
  actor: { personId: 'clerk', userId: 'clerk-user' },
  contexts: (today) => [ctx(today, { personId: 'head', userId: 'head-user' }), ctx(today, { personId: 'clerk', userId: 'clerk-user' })],
  payloads,
  scenarios: SCENARIOS,
  deadlines: (r, today) => INFORMATION_REQUESTS.deadlines(r, { table, today }),
  progress: [
    'information-request.request-correction',
    'information-request.answer-correction',
    'information-request.consult-third-party',
    'information-request.record-opinion',
    'information-request.request-extension',
    'information-request.approve',
    'information-request.deem-withdrawn',
  ],
  empty: (today) => emptyRequest('r', 'a', '/x/', today),
};
