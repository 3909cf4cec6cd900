/**
 * 回避 (行政处罚法 Art 43), through the API on both engines: the party applies for an officer's
 * withdrawal, the head decides; an officer who withdraws leaves the case with a certified
 * officer in his place and a numbered 回避决定书, and a refusal is kept with its reason. A
 * refused request keeps nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const party = { kind: 'citizen', name: '沈某某', idNumber: null, address: '秀山县妙泉镇青山村', phone: null, representative: null };

describe.each(ENGINES)('回避 on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let officers: string[];
  let chair: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-03-02');
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
    const me = (await zhifa1.get('/api/v1/session')).json();
    const other = (await (await t.login('zhifa2')).get('/api/v1/session')).json();
    officers = [me.user.personId, other.user.personId];
    chair = (
      await t.yifa.db.kysely.selectFrom('people').select('id').where('post', '=', '综合行政执法办公室主任').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/penalty-cases/${id}/actions`, { type, payload }, { 'idempotency-key': `recusal-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const application = (o: Record<string, unknown>) => ({
    on: '2026-03-02',
    personId: officers[1],
    role: 'officer',
    applicant: 'party',
    reason: '执法人员系当事人表兄',
    replacementId: chair,
    ...o,
  });

  it('withdraws an officer on the head’s decision, with a certified officer in his place', async () => {
    const opened = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: { source: { kind: 'patrol', summary: '巡查发现', receivedOn: '2026-03-02' }, party, field: '综合行政执法' },
    });
    const id = opened.json().id as string;
    await ok(zhifa1, id, 'penalty.request-filing', {
      violationTypeId: 'wild-fire',
      actOn: '2026-02-20',
      seriousHarm: false,
      officers,
      summary: '林区用火',
    });
    await ok(fuzeren, id, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });

    // Without a replacement the case would have one officer: refused with Art 42.
    const alone = await act(zhifa1, id, 'penalty.request-recusal', application({ replacementId: null }));
    expect(alone.statusCode).toBe(409);
    expect(alone.json().error.citation).toBe('《中华人民共和国行政处罚法》第四十二条');
    const notOnCase = await act(zhifa1, id, 'penalty.request-recusal', application({ personId: chair, replacementId: officers[1] }));
    expect(notOnCase.statusCode).toBe(409);
    expect((await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json().case.pending).toHaveLength(0);

    await ok(zhifa1, id, 'penalty.request-recusal', application({}));
    let view = await ok(fuzeren, id, 'penalty.approve', { kind: 'recusal', opinion: '同意回避' });
    expect(view.case.officers).toEqual([officers[0], chair]);
    expect(view.case.recusals[0]).toMatchObject({ personId: officers[1], decision: 'withdrawn', replacementId: chair });
    const number = view.case.recusals[0].number as string;
    expect(number).toMatch(/回避字〔2026〕第\d+号/);
    const doc = docxText((await zhifa1.get(`/api/v1/penalty-cases/${id}/documents/recusal:0/docx`)).rawPayload);
    expect(doc).toContain('回避决定书');
    expect(doc).toContain(number);
    expect(doc).toContain('第四十三条');

    // Once withdrawn, not again; another application the head refuses is kept with his reason.
    const twice = await act(zhifa1, id, 'penalty.request-recusal', application({ replacementId: officers[0] }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.citation).toBe('《中华人民共和国行政处罚法》第四十三条');
    await ok(
      zhifa1,
      id,
      'penalty.request-recusal',
      application({ personId: officers[0], reason: '当事人认为执法人员态度不好', replacementId: officers[1] }),
    );
    view = await ok(fuzeren, id, 'penalty.reject', { kind: 'recusal', reason: '所述理由不属于应当回避的情形' });
    expect(view.case.officers).toEqual([officers[0], chair]);
    expect(view.case.recusals[1]).toMatchObject({ personId: officers[0], decision: 'refused', headReason: '所述理由不属于应当回避的情形' });
    const refused = docxText((await zhifa1.get(`/api/v1/penalty-cases/${id}/documents/recusal:1/docx`)).rawPayload);
    expect(refused).toContain('不予回避');
  });
});
