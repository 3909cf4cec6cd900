/**
 * 行政复议 on the public portal (issue 16 §1 Receipt): a party applies without an account and
 * gets a tracking code once; with the code and the last 4 of his ID number or phone he sees his
 * own application only; the county's 复议机构 accepts it as any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

describe.each(ENGINES)('行政复议 portal on %s', (engine) => {
  let t: TestApp;
  let fuyi: Client;
  let fuzeren: Client;
  let town: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    fuyi = await t.login('fuyi');
    fuzeren = await t.login('fuzeren');
    town = (await fuzeren.get('/api/v1/session')).json().user.agencyId;
  }, 240_000);
  afterAll(async () => t.close());

  const application = (over: Record<string, unknown> = {}) => ({
    applicant: { kind: 'citizen', name: '钱某某', idNumber: '500241199001011236', phone: '13800009876', address: null },
    respondentAgencyId: town,
    challengedAct: '妙泉综执罚决字〔2026〕第40号行政处罚决定',
    knewOn: '2026-09-10',
    requests: '撤销该行政处罚决定',
    reasons: '认定事实不清',
    lateException: null,
    ...over,
  });

  it('takes an application online, shows the code once, and lets only its applicant follow it; the county accepts it', async () => {
    t.yifa.clock.source = at('2026-09-21');
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/public/reconsiderations', payload: application() });
    expect(filed.statusCode, filed.body).toBe(201);
    const body = filed.json();
    expect(body.trackingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(body).toMatchObject({ status: 'received', receivedOn: '2026-09-21', agency: '秀山县司法局' });
    // No personal data in the answer.
    expect(filed.body).not.toContain('500241199001011236');
    expect(filed.body).not.toContain('13800009876');
    const code = body.trackingCode as string;
    const track = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/public/reconsiderations/track', payload });
    expect((await track({ code, verify: '0000' })).statusCode).toBe(403);
    expect((await track({ code: 'AAAA-BBBB-CCCC-DDDD', verify: '1236' })).statusCode).toBe(404);
    const seen = await track({ code, verify: '1236' });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'received', respondent: '秀山县妙泉镇人民政府' });
    expect(seen.json().deadlines.map((d: { rule: string }) => d.rule)).toContain('reconsideration.acceptance');

    // The 复议机构 sees it as 网上申请 and accepts it; the applicant then sees the acceptance and downloads its notice.
    const list = (await fuyi.get('/api/v1/reconsiderations?limit=100')).json().items as { id: string; title: string }[];
    const mine = list.find((i) => i.title.startsWith('钱某某'));
    expect(mine).toBeDefined();
    const view = (await fuyi.get(`/api/v1/reconsiderations/${mine!.id}`)).json();
    expect(view.record).toMatchObject({ channel: 'online', receivedOn: '2026-09-21' });
    const accepted = await fuyi.post(
      `/api/v1/reconsiderations/${mine!.id}/actions`,
      { type: 'reconsideration.accept', payload: { on: '2026-09-21', simple: false, simpleGround: null, hearingRequired: false } },
      { 'idempotency-key': `portal-${engine}-1` },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = (await track({ code, verify: '9876' })).json();
    expect(after.status).toBe('accepted');
    expect(after.documents.map((d: { id: string }) => d.id)).toEqual(['acceptance']);
    const doc = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reconsiderations/track/document',
      payload: { code, verify: '1236', documentId: 'acceptance' },
    });
    expect(doc.statusCode).toBe(200);
    expect(await docxText(doc.rawPayload)).toContain(accepted.json().record.acceptance.number);
  });

  it('refuses bad input with nothing saved: late without an exception (Art 20), no second factor, the 复议机构 as respondent', async () => {
    t.yifa.clock.source = at('2026-09-21');
    const justice = await t.yifa.db.kysely.selectFrom('agencies').select('id').where('name', '=', '秀山县司法局').executeTakeFirstOrThrow();
    const before = await t.yifa.db.kysely.selectFrom('reconsiderations').select('id').execute();
    const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/public/reconsiderations', payload });
    const late = await post(application({ knewOn: '2026-06-01' }));
    expect(late.statusCode).toBe(409);
    expect(JSON.stringify(late.json().error)).toContain('第二十条');
    const anonymous = await post(application({ applicant: { kind: 'citizen', name: '某某', idNumber: '', phone: null, address: null } }));
    expect(anonymous.statusCode).toBe(409);
    expect(anonymous.json().error.message).toContain('验证身份');
    expect((await post(application({ respondentAgencyId: justice.id }))).statusCode).toBe(409);
    expect((await post(application({ channel: 'letter' }))).statusCode).toBe(400);
    expect((await post({ ...application(), trackingHash: 'f'.repeat(64) })).statusCode).toBe(400);
    expect(await t.yifa.db.kysely.selectFrom('reconsiderations').select('id').execute()).toHaveLength(before.length);
  });
});
