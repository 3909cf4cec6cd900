/**
 * The journal as people read it, on both engines, over the demo town's year of cases and
 * requests: every entry the API lists names its operator and his role in Chinese, its
 * action by a Chinese title, and tells what changed from the payload *as the reader may
 * see it* — a supervisor without an applicant's personal data reads no ID number or phone
 * in a summary. The auditor's raw entry rebuilds its leaf hash and its proof verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { actionLeafBytes, type LeafRow } from '../../src/journal/leaf.js';
import { leafHashOf, verifyInclusion } from '../../src/journal/verifier/index.js';
import { UNKNOWN_ACTION_TITLE, yuanText } from '../../src/journal/readable.js';
import type { JournalEntryView } from '../../src/journal/entries.js';

const HAN = /\p{Script=Han}/u;
/** An action code (`penalty.decide`), a role id or a field key (`idNumber`) on screen: what the readable parts must never hold. */
const CODE =
  /\b(?:penalty|information-request|org|evidence|calendar|access|input|journal|projection|integrity|enforcement)\.[a-z]|\b(?:officer|unit_head|legal_reviewer|justice_office|disclosure_clerk|supervisor|admin|public|system)\b|\b[a-z]+[A-Z][A-Za-z]*\b/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const ID_NUMBER = /\d{17}[\dXx]/;
const MOBILE = /1[3-9]\d{9}/;

/** Every entry of the global journal the client may read, newest first. */
async function wholeJournal(c: Client, query = ''): Promise<JournalEntryView[]> {
  const out: JournalEntryView[] = [];
  let cursor: string | null = null;
  do {
    const res = await c.get(`/api/v1/journal/actions?limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: JournalEntryView[]; next: string | null };
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

describe('yuanText', () => {
  it('shows fen as yuan with thousands separators', () => {
    expect(yuanText(20_000_000)).toBe('¥200,000.00');
    expect(yuanText(5)).toBe('¥0.05');
    expect(yuanText(123_456_789)).toBe('¥1,234,567.89');
  });
});

describe.each(ENGINES)('the readable journal on %s', (engine) => {
  let t: TestApp;
  let jiandu: Client;
  let fuzeren: Client;
  let all: JournalEntryView[];
  beforeAll(async () => {
    t = await startTestApp(engine, { cases: true });
    await t.yifa.journal.checkpoint();
    // The county supervisor reads cases with their parties, requests with the applicants masked.
    jiandu = await t.login('jiandu');
    fuzeren = await t.login('fuzeren');
    all = await wholeJournal(jiandu);
  }, 180_000);
  afterAll(async () => t?.close());

  it('names every type present in Chinese, never by its code', async () => {
    const types = new Set(all.map((e) => e.type));
    expect(types.size).toBeGreaterThan(30);
    expect([...types].filter((type) => type.startsWith('penalty.')).length).toBeGreaterThan(15);
    for (const e of all) {
      expect(e.title, e.type).toMatch(HAN);
      expect(e.title, e.type).not.toBe(UNKNOWN_ACTION_TITLE);
      expect(`${e.title}`).not.toMatch(CODE);
    }
  });

  it('names who acted and his role: a user by his name, the portal and the system by what they are', async () => {
    const names = await t.yifa.db.kysely.selectFrom('users').select(['id', 'display_name']).execute();
    const byId = new Map(names.map((u) => [u.id, u.display_name]));
    for (const e of all) {
      expect(e.actor.roleName, e.type).toMatch(HAN);
      expect(`${e.actor.name} ${e.actor.roleName}`).not.toMatch(CODE);
      if (e.actor.userId) expect(e.actor.name).toBe(byId.get(e.actor.userId));
    }
    const register = all.find((e) => e.type === 'penalty.register')!;
    expect(register.actor).toMatchObject({ name: expect.stringMatching(/某某/), roleName: '执法人员' });
    expect(all.find((e) => e.actor.role === 'public')!.actor).toMatchObject({ roleName: '申请人（公开门户）' });
    expect(all.find((e) => e.actor.role === 'system')!.actor).toMatchObject({ name: '系统', roleName: '系统' });
  });

  it('tells a procedure action by its fields’ titles, enum labels, yuan amounts and people’s names', async () => {
    for (const e of all) {
      expect(e.summary, e.type).not.toMatch(CODE);
      expect(e.summary, e.type).not.toMatch(UUID);
    }
    const register = all.find((e) => e.type === 'penalty.register')!;
    expect(register.summary).toMatch(/案件来源：案源类别 (投诉举报|巡查发现|上级交办|部门移送|信访转办)/);
    expect(register.summary).toContain('当事人：');
    const report = all.find((e) => e.type === 'penalty.conclude-investigation' && /罚款金额/.test(e.summary))!;
    expect(report.summary).toMatch(/罚款金额（元）：¥\d{1,3}(,\d{3})*\.\d{2}/);
    const filing = all.find((e) => e.type === 'penalty.request-filing')!;
    expect(filing.summary).toMatch(/执法人员（两名以上）：[\p{Script=Han}]+某某、[\p{Script=Han}]+某某/u);
    // What it is about: the record's kind, path and title, for the console's link.
    const decided = all.find((e) => e.type === 'penalty.decide')!;
    const row = await t.yifa.db.kysely
      .selectFrom('procedure_cases')
      .select('title')
      .where('id', '=', decided.subject!.id!)
      .executeTakeFirstOrThrow();
    expect(decided.subject).toMatchObject({ name: '行政处罚案件', path: '/penalty-cases' });
    expect(row.title.startsWith(decided.subject!.title!.replace(/…$/, ''))).toBe(true);
    expect(all.find((e) => e.type === 'org.person.create')!.subject).toMatchObject({ name: null, path: null, title: null });
    const approve = all.find((e) => e.type === 'penalty.approve')!;
    expect(approve.summary).toMatch(/^审批事项：(立案|先行登记保存|查封、扣押|延长查封、扣押期限|延长办案期限|延期（分期）缴纳罚款)；/);
  });

  it('builds the summary from the masked payload: no ID number or phone for a reader without the right', async () => {
    const masked = all.filter((e) => e.type === 'information-request.submit');
    expect(masked.length).toBeGreaterThan(5);
    for (const e of masked) {
      expect(e.summary).not.toMatch(ID_NUMBER);
      expect(e.summary).not.toMatch(MOBILE);
      expect(e.summary).toContain('身份证号或统一社会信用代码 ***');
    }
    // The record's own journal reads through the same mask.
    const recordId = masked[0]!.subject!.id!;
    const own = (await jiandu.get(`/api/v1/information-requests/${recordId}/actions`)).json().items as JournalEntryView[];
    expect(own.length).toBeGreaterThan(0);
    for (const e of own) expect(`${e.summary}`).not.toMatch(ID_NUMBER);
    // Whoever may see the applicant reads him in full: the check above can fail.
    const full = await wholeJournal(fuzeren, '&type=information-request.submit');
    expect(full.some((e) => ID_NUMBER.test(e.summary))).toBe(true);
  });

  it('says a withheld payload is withheld, and why', async () => {
    const sifasuo = await t.login('sifasuo');
    const seen = await wholeJournal(sifasuo, '&type=penalty.register');
    expect(seen.length).toBeGreaterThan(0);
    for (const e of seen) {
      expect(e.payload).toBeNull();
      expect(e.summary).toBe('内容不予显示：您没有查看该类记录内容的权限');
      expect(e.title).toBe('案源登记');
      // Nor the record's title, which names the party.
      expect(e.subject).toMatchObject({ name: '行政处罚案件', title: null });
    }
  });

  it('reads a case’s 全过程记录 the same way', async () => {
    const caseId = all.find((e) => e.type === 'penalty.decide')!.subject!.id!;
    const zhifa1 = await t.login('zhifa1');
    const items = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}/actions`)).json().items as JournalEntryView[];
    expect(items.map((e) => e.title)).toContain('作出决定');
    for (const e of items) {
      expect(e.title).toMatch(HAN);
      expect(e.actor.name).toMatch(HAN);
      expect(`${e.title} ${e.summary} ${e.actor.name} ${e.actor.roleName}`).not.toMatch(CODE);
    }
    // A document opened names it by its title.
    const docs = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}/documents`)).json().items as { id: string; title: string }[];
    expect((await zhifa1.get(`/api/v1/penalty-cases/${caseId}/documents/${docs[0]!.id}`)).statusCode).toBe(200);
    const after = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}/actions`)).json().items as JournalEntryView[];
    expect(after.at(-1)).toMatchObject({ title: '查阅文书', summary: expect.stringContaining(`《${docs[0]!.title}》`) });
  });

  it('gives the auditor the stored entry, which rebuilds the leaf hash, and a proof that verifies', async () => {
    const e = all.find((x) => x.type === 'penalty.decide')!;
    const raw = (await jiandu.get(`/api/v1/journal/actions/${e.seq}/raw`)).json();
    expect(raw.leaf.fields.type).toBe('penalty.decide');
    const leaf = leafHashOf(actionLeafBytes(raw.leaf.fields as LeafRow));
    expect(leaf.toString('hex')).toBe(raw.leafHash);
    expect(raw.leafHash).toBe(e.leafHash);
    const ok = verifyInclusion(
      leaf,
      e.seq,
      raw.inclusion.treeSize,
      raw.inclusion.proof.map((h: string) => Buffer.from(h, 'hex')),
      Buffer.from(raw.inclusion.checkpoint.rootHash, 'hex'),
    );
    expect(ok).toBe(true);
    // A case's officer reaches it through the case, without journal.read.
    const zhifa1 = await t.login('zhifa1');
    expect((await zhifa1.get(`/api/v1/journal/actions/${e.seq}/raw`)).statusCode).toBe(200);
    // The supervisor sees the applicant masked: the stored fields are not his to read, the proof is.
    const submit = all.find((x) => x.type === 'information-request.submit')!;
    const masked = (await jiandu.get(`/api/v1/journal/actions/${submit.seq}/raw`)).json();
    expect(masked.leaf).toBeNull();
    expect(masked.leafWithheld).toMatch(/个人信息/);
    // The applicant's own values, not a pattern: a hex hash may hold 18 digits in a row by chance.
    const stored = await t.yifa.journal.action(submit.seq);
    const applicant = (JSON.parse(stored!.payload) as { applicant: { idNumber: string; phone: string | null } }).applicant;
    expect(JSON.stringify(masked)).not.toContain(applicant.idNumber);
    if (applicant.phone) expect(JSON.stringify(masked)).not.toContain(applicant.phone);
    expect(masked.inclusion.proof.length).toBeGreaterThan(0);
    // Nobody else reaches an entry outside his journal and his records.
    const tiaojie = await t.login('tiaojie');
    expect((await tiaojie.get(`/api/v1/journal/actions/${e.seq}/raw`)).statusCode).toBe(404);
  });
});
