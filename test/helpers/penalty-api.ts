/**
 * A test town's penalty cases over HTTP, for the store tests that walk a case through its
 * steps: the town started on one engine (2026-03-02 on its clock), its officer and head
 * logged in, the case's two officers, actions posted with their own idempotency keys, the
 * clock moved (and the sessions renewed: a session does not outlive months), and a case
 * opened and filed. Registers its own beforeAll and afterAll.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Engine } from '../../src/platform/db/database.js';
import { startTestApp, type Client, type TestApp } from './app.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';

export const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

export const citizen = (name: string, address = '秀山县妙泉镇某某村') => ({
  kind: 'citizen',
  name,
  idNumber: null,
  address,
  phone: null,
  representative: null,
});

/** A citizen with every personal field the portal must never show: a full name, an ID number, a mobile, an address down to its 组. */
export const identifiedCitizen = (name = '王小明') => ({
  kind: 'citizen',
  name,
  idNumber: withIdCheckChar('50024119850315123'),
  address: '秀山县妙泉镇某某村5组',
  phone: '13912345678',
  representative: null,
});

/**
 * A 当场行政处罚 (行政处罚法 Art 51) of 林区用火 on `on` by `officers`: a warning and a ¥200 fine,
 * signed on the spot, the party told of his rights; `o` changes any field.
 */
export const onTheSpot = (x: { party: unknown; on: string; officers: unknown[] }, o: Record<string, unknown> = {}) => ({
  party: x.party,
  field: '综合行政执法',
  on: x.on,
  place: '某某村林区',
  officers: x.officers,
  violationTypeId: 'wild-fire',
  facts: '森林防火期内在林区烧纸',
  basis: '《森林防火条例》第五十条',
  kinds: ['warning', 'fine'],
  fineFen: 20_000,
  confiscationFen: 0,
  signed: true,
  refusalNote: null,
  cashCollected: false,
  cashGround: null,
  cashGroundNote: null,
  receiptNumber: null,
  told: true,
  statement: null,
  statementReply: null,
  mitigation: [],
  circumstanceId: 'ordinary',
  ...o,
});

type Who = 'zhifa1' | 'fuzeren';

/** The report that concludes an investigation of 林区用火 with a ¥500 fine, changed by `o`. */
export const conclusion = (o: Record<string, unknown> = {}) => ({
  on: '2026-03-02',
  facts: '森林防火期内在林区边缘焚烧纸钱',
  evidenceSummary: '现场检查笔录',
  outcome: 'penalty',
  kinds: ['fine'],
  fineFen: 50_000,
  confiscationFen: 0,
  basis: '《森林防火条例》第五十条',
  circumstanceId: 'ordinary',
  discretionReason: null,
  reviewGrounds: [],
  ...o,
});

export function penaltyApi(engine: Engine, prefix: string) {
  const sessions = {} as Record<Who, Client>;
  // The same client across renewed sessions: calls go to the current one.
  const user = (who: Who) =>
    new Proxy({} as Client, {
      get: (_, k) => {
        const c = sessions[who] as unknown as Record<string | symbol, unknown>;
        const v = c[k];
        return typeof v === 'function' ? v.bind(c) : v;
      },
    });
  const api = {
    t: undefined as unknown as TestApp,
    officers: [] as string[],
    zhifa1: user('zhifa1'),
    fuzeren: user('fuzeren'),
  };
  const login = async () => {
    sessions.zhifa1 = await api.t.login('zhifa1');
    sessions.fuzeren = await api.t.login('fuzeren');
  };
  beforeAll(async () => {
    api.t = await startTestApp(engine);
    api.t.yifa.clock.source = at('2026-03-02');
    await login();
    const me = (await api.zhifa1.get('/api/v1/session')).json();
    const other = (await (await api.t.login('zhifa2')).get('/api/v1/session')).json();
    api.officers = [me.user.personId, other.user.personId];
  });
  afterAll(async () => api.t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/penalty-cases/${id}/actions`, { type, payload }, { 'idempotency-key': `${prefix}-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  /** Moves the clock to `date` and logs in again. */
  const on = async (date: string) => {
    api.t.yifa.clock.source = at(date);
    await login();
  };
  /** A case of 林区用火 (act 2026-02-20) registered and filed on 2026-03-02 with the two officers. */
  const filed = async (party: ReturnType<typeof citizen>): Promise<{ id: string; agencyId: string }> => {
    const opened = await api.zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: { source: { kind: 'patrol', summary: '巡查发现林区用火', receivedOn: '2026-03-02' }, party, field: '综合行政执法' },
    });
    const id = opened.json().id as string;
    await ok(api.zhifa1, id, 'penalty.request-filing', {
      violationTypeId: 'wild-fire',
      actOn: '2026-02-20',
      seriousHarm: false,
      officers: api.officers,
      summary: '林区用火',
    });
    const view = await ok(api.fuzeren, id, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
    return { id, agencyId: view.agency.id };
  };
  /** Filed, inspected and concluded (`o` changes the report): ready to be told. */
  const concluded = async (party: ReturnType<typeof citizen>, o: Record<string, unknown> = {}) => {
    const { id } = await filed(party);
    await ok(api.zhifa1, id, 'penalty.record-inspection', {
      on: '2026-03-02',
      place: '某某村林区',
      officers: api.officers,
      subject: party.name,
      summary: '现场有焚烧痕迹',
    });
    await ok(api.zhifa1, id, 'penalty.conclude-investigation', conclusion(o));
    return id;
  };
  /** Concluded, told (the party waived), decided and served on 2026-03-02: the ¥500 is due 2026-03-17. */
  const decided = async (party: ReturnType<typeof citizen>) => {
    const id = await concluded(party);
    await ok(api.zhifa1, id, 'penalty.serve-notice', { servedOn: '2026-03-02', method: 'direct', consentOnFile: false });
    await ok(api.zhifa1, id, 'penalty.waive-rights', { on: '2026-03-02', statement: '当事人书面放弃陈述、申辩' });
    await ok(api.fuzeren, id, 'penalty.decide', { on: '2026-03-02', reasoning: '事实清楚', paymentInstructions: null });
    await ok(api.zhifa1, id, 'penalty.serve-decision', {
      servedOn: '2026-03-02',
      method: 'direct',
      recipient: party.name,
      refusedToSign: false,
      consentOnFile: false,
    });
    return id;
  };
  return { api, act, ok, on, filed, concluded, decided };
}
