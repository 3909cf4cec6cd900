/**
 * 回避 (行政处罚法 Art 43), through the API on both engines: the party applies for an officer's
 * withdrawal, the head decides; an officer who withdraws leaves the case with a certified
 * officer in his place and a numbered 回避决定书, and a refusal is kept with its reason. A
 * refused request keeps nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { citizen, penaltyApi } from '../helpers/penalty-api.js';
import { docxText } from '../helpers/docx-text.js';

describe.each(ENGINES)('回避 on %s', (engine) => {
  const { api, act, ok, filed } = penaltyApi(engine, 'recusal');
  const { zhifa1, fuzeren } = api;
  let officers: string[];
  let chair: string;
  /** A third town officer whose certificate runs beyond 2028, to replace another. */
  let spare: string;
  beforeAll(async () => {
    officers = api.officers;
    const db = api.t.yifa.db.kysely;
    const office = db.selectFrom('people').select('id').where('post', '=', '综合行政执法办公室主任');
    chair = (await office.executeTakeFirstOrThrow()).id;
    const certified = db
      .selectFrom('certificates')
      .innerJoin('people', 'people.id', 'certificates.person_id')
      .select('person_id')
      .where('people.post', '=', '综合行政执法队员')
      .where('area', '=', '秀山县妙泉镇')
      .where('expires_on', '>', '2028-01-01')
      .where('person_id', 'not in', [...officers, chair]);
    spare = (await certified.executeTakeFirstOrThrow()).person_id;
  });

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
    const { id } = await filed(citizen('沈某某', '秀山县妙泉镇青山村'));

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

    // Once withdrawn, not again, and never back: not named in a later record, nor as a replacement.
    const twice = await act(zhifa1, id, 'penalty.request-recusal', application({ replacementId: officers[0] }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.citation).toBe('《中华人民共和国行政处罚法》第四十三条');
    const inquiry = { on: '2026-03-02', place: '青山村', subject: '沈某某', summary: '询问用火经过' };
    const named = await act(zhifa1, id, 'penalty.record-inquiry', { ...inquiry, officers: [officers[0], officers[1]] });
    expect(named.statusCode).toBe(409);
    expect(named.json().error.message).toContain('已在本案回避');
    expect(named.json().error.citation).toBe('《中华人民共和国行政处罚法》第四十三条');
    await ok(zhifa1, id, 'penalty.record-inquiry', { ...inquiry, officers: [officers[0], chair] });
    const back = await act(
      zhifa1,
      id,
      'penalty.request-recusal',
      application({ personId: chair, reason: '当事人认为执法人员态度不好', replacementId: officers[1] }),
    );
    expect(back.statusCode).toBe(409);
    expect(back.json().error.citation).toBe('《中华人民共和国行政处罚法》第四十三条');

    // Another application the head refuses is kept with his reason.
    await ok(
      zhifa1,
      id,
      'penalty.request-recusal',
      application({ personId: officers[0], reason: '当事人认为执法人员态度不好', replacementId: spare }),
    );
    view = await ok(fuzeren, id, 'penalty.reject', { kind: 'recusal', reason: '所述理由不属于应当回避的情形' });
    expect(view.case.officers).toEqual([officers[0], chair]);
    expect(view.case.recusals[1]).toMatchObject({ personId: officers[0], decision: 'refused', headReason: '所述理由不属于应当回避的情形' });
    const refused = docxText((await zhifa1.get(`/api/v1/penalty-cases/${id}/documents/recusal:1/docx`)).rawPayload);
    expect(refused).toContain('不予回避');
  });
});
