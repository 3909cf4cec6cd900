/**
 * A petition settled by agreement while being handled (信访工作条例 Art 33, issue 15 §4), on both
 * engines: only once accepted; the numbered 调解协议书 or 和解协议书 ends the handling (its limit
 * met, no opinion owed), the petitioner reads it by code and downloads it, and — the agreement
 * being his own — no 复查 is offered; an opinion cannot follow it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';

describe.each(ENGINES)('a petition settled by agreement on %s', (engine) => {
  let t: TestApp;
  let xinfang: Client;
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = () => new Date('2026-05-06T10:00:00+08:00');
    xinfang = await t.login('xinfang');
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (id: string, type: string, payload: unknown) =>
    xinfang.post(`/api/v1/petitions/${id}/actions`, { type, payload }, { 'idempotency-key': `ag-${engine}-${++key}` });
  const agreement = (on: string) => ({
    on,
    kind: 'mediation',
    parties: '吴某某；秀山县妙泉镇龙凤村村民委员会',
    terms: '村委会于2026年6月30日前按每株80元补偿被损毁的果树30株，共计2400元。',
    performance: '2026年6月30日前一次付清，信访人凭收据确认。',
  });

  it('ends the handling with a numbered agreement the petitioner reads by code, with no 复查 after it', async () => {
    const opened = await xinfang.post('/api/v1/petitions', {
      type: 'petition.register',
      payload: {
        channel: 'visit',
        source: 'direct',
        receivedOn: '2026-05-06',
        petitioners: [{ name: '吴某某', idNumber: withIdCheckChar('50024119700505123'), phone: null, address: '秀山县妙泉镇龙凤村2组' }],
        groupSize: null,
        request: '要求赔偿修建产业路损毁的果树',
        factsAndReasons: '2026年4月村里修产业路，推倒了我家30株李子树。',
        category: 'construction',
        place: '龙凤村',
        oralConfirmed: true,
        repeatOf: null,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id, trackingCode } = opened.json();
    // Not before it is accepted: the table offers it only while the matter is being handled.
    const early = await act(id, 'petition.record-agreement', agreement('2026-05-06'));
    expect(early.statusCode, early.body).toBe(409);
    expect((await act(id, 'petition.accept', { on: '2026-05-06' })).statusCode).toBe(200);
    const future = await act(id, 'petition.record-agreement', agreement('2026-05-07'));
    expect(future.statusCode).toBe(409);
    const bad = await act(id, 'petition.record-agreement', { ...agreement('2026-05-06'), kind: 'verbal', terms: '' });
    expect(bad.statusCode).toBe(400);

    const res = await act(id, 'petition.record-agreement', agreement('2026-05-06'));
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.status).toBe('settled');
    expect(view.statusName).toBe('已达成调解（和解）协议');
    expect(view.record.agreement.number).toMatch(/^妙泉信协字〔2026〕第\d+号$/);
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'petition.handling').state).toBe('met');
    const docx = await xinfang.get(`/api/v1/petitions/${id}/documents/agreement/docx`);
    expect(docx.statusCode).toBe(200);
    const text = docxText(docx.rawPayload);
    expect(text).toContain('信访事项调解协议书');
    expect(text).toContain('每株80元补偿');
    expect(text).toContain('第三十三条');
    // No opinion after it.
    const opinion = await act(id, 'petition.issue-opinion', {
      on: '2026-05-06',
      servedOn: '2026-05-06',
      outcome: 'support',
      facts: '属实',
      basis: '《信访工作条例》第三十二条',
      text: '支持',
    });
    expect(opinion.statusCode).toBe(409);

    const tracked = (await t.anonymous().post('/api/v1/public/petitions/track', { code: trackingCode })).json();
    expect(tracked.agreement).toMatchObject({ kind: '调解协议书', on: '2026-05-06' });
    expect(tracked.agreement.terms).toContain('2400元');
    expect(tracked.reviewRequest).toBeNull();
    expect(tracked.documents.map((d: { id: string }) => d.id)).toContain('agreement');
    const download = await t.anonymous().post('/api/v1/public/petitions/track/document', { code: trackingCode, documentId: 'agreement' });
    expect(download.statusCode).toBe(200);
    expect(docxText(download.rawPayload)).toContain('履行方式和期限');
  });
});
