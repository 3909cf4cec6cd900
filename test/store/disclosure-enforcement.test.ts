/**
 * Other enforcement decisions under 行政执法公示 (国办发〔2018〕118号), on both engines: a penalty
 * case's 查封、扣押 (行政强制法 Art 24) publishes under `enforcement.disclosure`, due 20 working
 * days after the seizure (国庆 2026 not counted), while the same case's penalty decision gets
 * its own publication due in 7; lifting the seizure is shown, not a withdrawal; both appear on
 * the public API masked, each with its 决定类别.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { at, conclusion } from '../helpers/penalty-api.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { deadlineDue } from '../../src/calendar/deadlines.js';

const ID_NUMBER = withIdCheckChar('50024119850315123');
const MOBILE = '13912345678';
const party = {
  kind: 'citizen',
  name: '王小明',
  idNumber: ID_NUMBER,
  address: '秀山县妙泉镇某某村5组',
  phone: MOBILE,
  representative: null,
};

type Item = {
  id: string;
  key: string;
  category: string;
  categoryName: string;
  rule: string;
  status: string;
  dueOn: string;
  decidedOn: string;
  number: string;
  withdrawalDue: string | null;
  record: { id: string };
};

describe.each(ENGINES)('other enforcement decisions on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let officers: string[];
  let caseId: string;
  let seizureNumber: string;
  let seizureSeq: number;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await moveTo('2026-09-28');
    officers = [
      (await zhifa1.get('/api/v1/session')).json().user.personId,
      (await (await t.login('zhifa2')).get('/api/v1/session')).json().user.personId,
    ];
  });
  afterAll(async () => t.close());

  async function moveTo(date: string) {
    t.yifa.clock.source = at(date);
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
  }
  const ok = async (c: Client, type: string, payload: unknown) => {
    const res = await c.post(`/api/v1/penalty-cases/${caseId}/actions`, { type, payload });
    expect(res.statusCode, `${type}: ${res.body}`).toBe(200);
    return res.json();
  };
  const staffList = async () => ((await fuzeren.get('/api/v1/publications')).json().items as Item[]).filter((i) => i.record.id === caseId);

  it('publishes a 查封、扣押 under enforcement.disclosure, due 20 working days after it (国庆 skipped)', async () => {
    const opened = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: { source: { kind: 'patrol', summary: '巡查发现林区用火', receivedOn: '2026-09-28' }, party, field: '综合行政执法' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
    await ok(zhifa1, 'penalty.request-filing', {
      violationTypeId: 'wild-fire',
      actOn: '2026-09-27',
      seriousHarm: false,
      officers,
      summary: '林区用火',
    });
    await ok(fuzeren, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
    // Nothing decided yet: nothing to publish.
    expect(await staffList()).toEqual([]);
    await ok(zhifa1, 'penalty.request-seizure', {
      on: '2026-09-28',
      items: '汽油 1 桶、打火机 2 个',
      reason: '防止继续在林区用火',
      basis: '《森林防火条例》第五十条',
      officers,
    });
    const view = await ok(fuzeren, 'penalty.approve', { kind: 'seizure', opinion: '同意查封、扣押' });
    const seizure = view.case.seizures[0];
    seizureNumber = seizure.number;
    seizureSeq = seizure.seq;
    expect(seizure).toMatchObject({ on: '2026-09-28', basis: '《森林防火条例》第五十条' });

    const items = await staffList();
    expect(items).toHaveLength(1);
    const due = deadlineDue(await t.yifa.calendar.table(), { rule: 'enforcement.disclosure', from: '2026-09-28' });
    // 20 working days from Monday 28 September: 国庆 (1–7 October) skipped, Saturday 10 October worked (调休).
    expect(due).toBe('2026-10-30');
    expect(items[0]).toMatchObject({
      key: `coercive-measure:${seizureSeq}`,
      category: 'coercive-measure',
      categoryName: '行政强制措施',
      rule: 'enforcement.disclosure',
      status: 'pending',
      decidedOn: '2026-09-28',
      dueOn: due,
      number: seizureNumber,
    });
  });

  it('gives the penalty decision of the same case its own publication, due in 7 working days; lifting the seizure withdraws nothing', async () => {
    await moveTo('2026-10-09');
    await ok(zhifa1, 'penalty.release-seizure', { seizureSeq, on: '2026-10-09', reason: '已调查取证完毕，不再需要查封、扣押' });
    await ok(zhifa1, 'penalty.record-inspection', {
      on: '2026-10-09',
      place: '某某村林区',
      officers,
      subject: '王小明',
      summary: '现场有焚烧痕迹',
    });
    await ok(zhifa1, 'penalty.conclude-investigation', conclusion({ on: '2026-10-09' }));
    await ok(zhifa1, 'penalty.serve-notice', { servedOn: '2026-10-09', method: 'direct', consentOnFile: false });
    await ok(zhifa1, 'penalty.waive-rights', { on: '2026-10-09', statement: '当事人书面放弃陈述、申辩' });
    const decided = await ok(fuzeren, 'penalty.decide', { on: '2026-10-09', reasoning: '事实清楚', paymentInstructions: null });

    const items = await staffList();
    expect(items.map((i) => i.key).sort()).toEqual([`coercive-measure:${seizureSeq}`, 'decision']);
    const decision = items.find((i) => i.key === 'decision')!;
    expect(decision).toMatchObject({
      category: 'penalty',
      rule: 'penalty.disclosure',
      decidedOn: '2026-10-09',
      dueOn: deadlineDue(await t.yifa.calendar.table(), { rule: 'penalty.disclosure', from: '2026-10-09' }),
      number: decided.case.decision.number,
    });
    expect(decision.dueOn).toBe('2026-10-19');
    const seizure = items.find((i) => i.key !== 'decision')!;
    expect(seizure).toMatchObject({ status: 'pending', dueOn: '2026-10-30', withdrawalDue: null });
    const detail = (await fuzeren.get(`/api/v1/publications/${seizure.id}`)).json();
    expect(detail.withdrawnBecause).toBeNull();
    expect(detail.publicView.penalty).toBe('查封、扣押：汽油 1 桶、打火机 2 个（已于 2026-10-09 解除）');
  });

  it('shows both on the public API once released, masked, each with its 决定类别', async () => {
    for (const i of await staffList()) {
      const res = await fuzeren.post(`/api/v1/publications/${i.id}/release`);
      expect(res.statusCode, res.body).toBe(200);
    }
    const list = await t.anonymous().get('/api/v1/public/decisions');
    expect(list.statusCode).toBe(200);
    const shown = list.json().items as { number: string; categoryName: string; party: { name: string }; penalty: string; basis: string }[];
    expect(shown).toHaveLength(2);
    expect(shown.find((d) => d.number === seizureNumber)).toMatchObject({
      categoryName: '行政强制措施',
      party: { name: '王某某' },
      penalty: expect.stringContaining('查封、扣押'),
      basis: '《森林防火条例》第五十条',
    });
    expect(shown.find((d) => d.number !== seizureNumber)).toMatchObject({
      categoryName: '行政处罚',
      party: { name: '王某某' },
      penalty: expect.stringContaining('罚款'),
    });
    for (const secret of ['王小明', ID_NUMBER, MOBILE, '5组']) expect(list.body).not.toContain(secret);
    // The seizure is found by its measure, masked as the rest.
    const found = (await t.anonymous().get(`/api/v1/public/decisions?q=${encodeURIComponent('汽油')}`)).json().items;
    expect(found.map((d: { number: string }) => d.number)).toEqual([seizureNumber]);
    const feed = await t.anonymous().get('/api/v1/public/decisions.atom');
    expect(feed.body).toContain('决定类别：行政强制措施');
    expect(feed.body).not.toContain('王小明');
  });

  it('keeps a decision revoked with an order to decide again withdrawn under its key, and publishes the new one under its own', async () => {
    await moveTo('2026-11-02');
    const first = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}`)).json().case.decision.number as string;
    await ok(zhifa1, 'penalty.serve-decision', {
      servedOn: '2026-11-02',
      method: 'direct',
      recipient: '王小明',
      refusedToSign: false,
      consentOnFile: false,
    });
    await ok(zhifa1, 'penalty.record-change', {
      on: '2026-11-02',
      source: 'reconsideration',
      body: '秀山县人民政府',
      documentNumber: '秀府复决〔2026〕21号',
      outcome: 'revoked-redo',
      reason: '主要事实不清、证据不足',
      kinds: [],
      fineFen: 0,
      confiscationFen: 0,
      redoBy: '2026-12-31',
      procedureOnly: false,
      note: null,
    });
    let items = await staffList();
    expect(items.map((i) => i.key).sort()).toEqual([`coercive-measure:${seizureSeq}`, 'decision']);
    const revoked = items.find((i) => i.key === 'decision')!;
    // Monday 2 November: withdrawn within 3 working days.
    expect(revoked).toMatchObject({ number: first, status: 'released', withdrawalDue: '2026-11-05' });
    const withdrawn = await fuzeren.post(`/api/v1/publications/${revoked.id}/withdraw`, {
      kind: 'revoked',
      reason: '复议决定撤销并责令重新作出',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    await ok(zhifa1, 'penalty.record-inspection', {
      on: '2026-11-02',
      place: '某某村林区',
      officers,
      subject: '王小明',
      summary: '补充调查：焚烧面积约 2 平方米',
    });
    await ok(zhifa1, 'penalty.conclude-investigation', conclusion({ on: '2026-11-02', fineFen: 30_000 }));
    const decided = await ok(fuzeren, 'penalty.decide', { on: '2026-11-02', reasoning: '补充调查后事实清楚', paymentInstructions: null });
    const second = decided.case.decision.number as string;
    expect(second).not.toBe(first);

    items = await staffList();
    expect(items.map((i) => i.key).sort()).toEqual([`coercive-measure:${seizureSeq}`, 'decision', 'decision:2']);
    // The revoked one stays as it was; the new one is due 7 working days from its own date.
    expect(items.find((i) => i.key === 'decision')).toMatchObject({ number: first, status: 'withdrawn' });
    const renewed = items.find((i) => i.key === 'decision:2')!;
    expect(renewed).toMatchObject({ number: second, status: 'pending', decidedOn: '2026-11-02', dueOn: '2026-11-11' });
    const released = await fuzeren.post(`/api/v1/publications/${renewed.id}/release`);
    expect(released.statusCode, released.body).toBe(200);
    const shown = (await t.anonymous().get('/api/v1/public/decisions')).json().items as { number: string; status: string }[];
    // The public sees the new decision in force and the revoked one as withdrawn, each once.
    expect(shown.filter((d) => d.number === second).map((d) => d.status)).toEqual(['published']);
    expect(shown.filter((d) => d.number === first).map((d) => d.status)).toEqual(['withdrawn']);
  });
});
