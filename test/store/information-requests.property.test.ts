/**
 * Random sequences of information-request actions through the kit's service (the same
 * runner the routes call), on both engines: whatever the order, an action is accepted only
 * when the record offered it to that user, a reply never comes while the applicant is
 * correcting or a third party is being consulted, and the journal alone rebuilds every record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { actOnRecord, getRecord, openRecord, replayRecord } from '../../src/procedure/service.js';
import { INFORMATION_REQUESTS } from '../../src/modules/information-requests/procedure.js';
import { trackingHashOf, newTrackingCode } from '../../src/procedure/tracking-code.js';
import { AppError } from '../../src/platform/http/errors.js';
import { addDays } from '../../src/calendar/legal-date.js';
import type { Request } from '../../src/platform/security/request.js';
import type { InformationRequest } from '../../src/modules/information-requests/state.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

/** A plausible payload for each action on `r` as of `today` (some will be refused by the gates, as they should). */
function payloadFor(type: string, r: InformationRequest, today: string, v: number): Record<string, unknown> {
  switch (type) {
    case 'information-request.request-correction':
      return { on: today, items: '请写明文号', answerBy: addDays(today, 1 + (v % 15)) };
    case 'information-request.answer-correction':
      return { on: today, answer: '文号为妙泉府发〔2025〕3号', lateReason: v % 2 ? '外出务工' : null };
    case 'information-request.deem-withdrawn':
      return { on: today };
    case 'information-request.consult-third-party':
      return { sentOn: today, thirdParty: '某公司', matter: '可能涉及商业秘密' };
    case 'information-request.record-opinion':
      return {
        consultationSeq: r.consultations.find((c) => !c.answeredOn)?.seq ?? 0,
        on: today,
        opinion: (['agree', 'object', 'none'] as const)[v % 3],
        reason: v % 3 === 1 ? '商业秘密' : null,
      };
    case 'information-request.request-extension':
      return { days: 1 + (v % 20), reason: '需调档' };
    case 'information-request.approve':
      return { kind: 'extension', opinion: '同意' };
    case 'information-request.reject':
      return { kind: 'extension', reason: '不同意' };
    case 'information-request.reply': {
      const type = (['disclose', 'partial', 'withhold', 'not-exist', 'not-held'] as const)[v % 5];
      return {
        on: today,
        type,
        text: '答复',
        ground: type === 'partial' || type === 'withhold' ? 'process' : null,
        referTo: type === 'not-held' ? '县公安局' : null,
        publicInterest: v % 7 === 0 ? '公共利益' : null,
      };
    }
    default:
      return {};
  }
}

const TYPES = Object.keys(INFORMATION_REQUESTS.proc.actions).filter((t) => t !== 'information-request.submit');

describe.each(ENGINES)('information requests, random sequences through the service, on %s', (engine) => {
  let t: TestApp;
  let users: Record<'gongkai' | 'fuzeren' | 'zhifa1', Request>;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const req = async (u: string): Promise<Request> => ({ auth: await contextOfUser(t.yifa, u), denied: async () => {} });
    users = { gongkai: await req('gongkai'), fuzeren: await req('fuzeren'), zhifa1: await req('zhifa1') };
  });
  afterAll(async () => t.close());

  it('accepts only what it offers, never replies while correcting or consulting, and replays to the same state', async () => {
    const step = fc.record({
      advance: fc.constantFrom(0, 1, 1, 2, 5, 9),
      who: fc.constantFrom('gongkai', 'gongkai', 'gongkai', 'fuzeren', 'zhifa1'),
      type: fc.constantFrom(...TYPES),
      // Three steps in four take an action the record offers, so that sequences go deep
      // instead of stopping at the first refusal; the rest try anything.
      pickOffered: fc.constantFrom(true, true, true, false),
      v: fc.nat(1000),
    });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 12 }), fc.integer({ min: 0, max: 300 }), async (steps, offset) => {
        let today = addDays('2025-06-02', offset);
        t.yifa.clock.source = at(today);
        const payload = {
          channel: 'counter',
          receivedOn: today,
          applicant: { kind: 'citizen', name: '王某', idNumber: '500241199001011236', phone: '13800000000', email: null, address: null },
          description: '某文件',
          form: 'paper',
          trackingHash: trackingHashOf(newTrackingCode()),
        };
        let view = await openRecord(t.yifa, users.gongkai, INFORMATION_REQUESTS, 'information-request.submit', payload);
        for (const s of steps) {
          today = addDays(today, s.advance);
          t.yifa.clock.source = at(today);
          const who = users[s.who as keyof typeof users];
          const offered = (await getRecord(t.yifa, who, INFORMATION_REQUESTS, view.id)).allowedActions.map((a) => a.type);
          const before = view.record as InformationRequest;
          const type = s.pickOffered && offered.length > 0 ? offered[s.v % offered.length]! : s.type;
          try {
            view = await actOnRecord(t.yifa, who, INFORMATION_REQUESTS, view.id, type, payloadFor(type, before, today, s.v));
            accepted++;
            expect(offered, `${s.who} took ${type} though it was not offered`).toContain(type);
            if (type === 'information-request.reply')
              expect(['correcting', 'consulting']).not.toContain(INFORMATION_REQUESTS.proc.status(before));
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            // A refusal on role or status is exactly what the record did not offer.
            if (e.code === 'FORBIDDEN' || e.code === 'CONFLICT') expect(offered).not.toContain(type);
          }
        }
        expect(await replayRecord(t.yifa, INFORMATION_REQUESTS, view.id)).toEqual(
          (await getRecord(t.yifa, users.gongkai, INFORMATION_REQUESTS, view.id)).record,
        );
      }),
      { numRuns: 12 },
    );
    expect(accepted).toBeGreaterThan(10);
  }, 300_000);
});
