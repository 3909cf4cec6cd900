/**
 * The party as an audience of his own publication (issue 13 §5), on both engines: with his
 * decision's 查验码 and the last 4 of the ID number or phone the case holds, he sees where the
 * publication stands (pending and by when; released and the last day on the portal), what the
 * public sees, and the ground of every mask and every manual redaction — whose reason the public
 * never reads. His own ID number, phone, address and full name are never in the answer; wrong
 * factors count towards the day's limit; bad input is a Chinese 400, an unknown code the verify
 * page's one 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { deadlineDue } from '../../src/calendar/deadlines.js';
import { addMonths } from '../../src/calendar/legal-date.js';
import { onTheSpot } from '../helpers/penalty-api.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const ID_NUMBER = withIdCheckChar('50024119850315123');
const MOBILE = '13912345678';
const FULL_NAME = '欧阳明远';
const ADDRESS = '秀山县妙泉镇某某村5组';
const REDACTION_REASON = '处罚内容中的物品名称可识别当事人的经营场所';

describe.each(ENGINES)('the party’s view of his publication on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let number: string;
  let code: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-04-01');
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
    const me = (await zhifa1.get('/api/v1/session')).json();
    const other = (await (await t.login('zhifa2')).get('/api/v1/session')).json();
    const res = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.on-the-spot',
      payload: onTheSpot({
        party: { kind: 'citizen', name: FULL_NAME, idNumber: ID_NUMBER, address: ADDRESS, phone: MOBILE, representative: null },
        on: '2026-04-01',
        officers: [me.user.personId, other.user.personId],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const caseId = res.json().case.id as string;
    number = res.json().case.decision.number;
    const docs = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}/documents`)).json().items as { id: string; number: string | null }[];
    const decision = docs.find((d) => d.number === number)!;
    code = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}/documents/${decision.id}`)).json().content.verification.code;
    // Before the projection's pass (the timer's, every minute) the decision has no publication yet.
    expect((await asParty(MOBILE.slice(-4))).json().error.message).toContain('约 1 分钟后列入公示事项');
    // A staff read runs the pass, as the timer would.
    expect((await fuzeren.get('/api/v1/publications')).statusCode).toBe(200);
  }, 180_000);
  afterAll(async () => t.close());

  const asParty = (verify: unknown, c = code) => t.anonymous().post(`/api/v1/public/verify/${encodeURIComponent(c)}/party`, { verify });
  const nothingPersonal = (body: string) => {
    for (const secret of [ID_NUMBER, MOBILE, FULL_NAME, ADDRESS, '5组']) expect(body).not.toContain(secret);
  };

  it('refuses a wrong factor, saying how many tries are left today, and keeps nothing of it beyond the count', async () => {
    const res = await asParty('0000');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('今天还可尝试 4 次');
    nothingPersonal(res.body);
  });

  it('shows the party his pending publication: when it is due, what the public will see, and why each field is kept back', async () => {
    const res = await asParty(ID_NUMBER.slice(-4).toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.publication).toMatchObject({
      status: 'pending',
      statusName: '待公示',
      dueOn: deadlineDue(await t.yifa.calendar.table(), { rule: 'penalty.disclosure', from: '2026-04-01' }),
      releasedOn: null,
      onPortalUntil: null,
      onPortal: false,
    });
    expect(v.publicView).toMatchObject({ number, party: { name: '欧阳某某' }, violationType: expect.any(String) });
    expect(v.publicView.status).toBeUndefined();
    const field = (name: string) => v.account.fields.find((f: { field: string }) => f.field === name);
    expect(field('姓名或者名称')).toEqual({
      field: '姓名或者名称',
      shownAs: '欧阳某某',
      treatment: '只显示姓氏',
      citation: '《中华人民共和国政府信息公开条例》第十五条',
    });
    for (const name of ['身份证件号码', '联系电话', '住址']) expect(field(name)).toMatchObject({ shownAs: null, treatment: '不公开' });
    // No representative was recorded: nothing to account for.
    expect(field('法定代表人或者负责人')).toBeUndefined();
    expect(v.account.redactions).toEqual([]);
    nothingPersonal(res.body);
  });

  it('takes the phone’s last 4 as well, and after release shows the last day on the portal and each redaction’s reason, which the public never reads', async () => {
    const pub = ((await fuzeren.get('/api/v1/publications')).json().items as { id: string; number: string }[]).find(
      (p) => p.number === number,
    )!;
    const redacted = await fuzeren.post(`/api/v1/publications/${pub.id}/redactions`, {
      field: 'penalty',
      text: '警告',
      reason: REDACTION_REASON,
    });
    expect(redacted.statusCode, redacted.body).toBe(200);
    expect((await fuzeren.post(`/api/v1/publications/${pub.id}/release`)).statusCode).toBe(200);

    const res = await asParty(MOBILE.slice(-4));
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.publication).toMatchObject({ status: 'released', statusName: '公示中', releasedOn: '2026-04-01', onPortal: true });
    // Natural persons are shown 24 months by default (a setting).
    expect(v.publication.onPortalUntil).toBe(addMonths('2026-04-01', 24));
    expect(v.publicView.penalty).toContain('［已遮盖］');
    expect(v.account.redactions).toEqual([{ field: '处罚内容', reason: REDACTION_REASON, on: '2026-04-01' }]);
    nothingPersonal(res.body);

    const seen = await t.anonymous().get(`/api/v1/public/verify/${code}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(REDACTION_REASON);
  });

  it('says when the display period has taken it off the portal', async () => {
    t.yifa.clock.source = at(addMonths('2026-04-02', 24));
    const v = (await asParty(MOBILE.slice(-4))).json();
    expect(v.publication).toMatchObject({ status: 'released', onPortal: false });
    t.yifa.clock.source = at('2026-04-01');
  });

  it('answers bad input in Chinese, an unknown code as the verify page does, and stops the day after five wrong factors', async () => {
    for (const bad of ['12', '12345', 'abcd', '', null]) {
      const res = await asParty(bad);
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const extra = await t.anonymous().post(`/api/v1/public/verify/${code}/party`, { verify: '5678', name: FULL_NAME });
    expect(extra.statusCode).toBe(400);
    const unknown = await asParty('5678', 'ZZZZ-ZZZZ-ZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe((await t.anonymous().get('/api/v1/public/verify/ZZZZ-ZZZZ-ZZZZ')).json().error.message);

    for (let i = 0; i < 5; i++) await asParty('0000');
    const blocked = await asParty(MOBILE.slice(-4));
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toContain('请明天再试');
  });
});
