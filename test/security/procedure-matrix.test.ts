/**
 * The whole matrix, status × action × role, for every procedure, through the real HTTP path.
 *
 * For each procedure, records are driven by real actions into each reachable status (one
 * record per status, plus a suspended one where the procedure suspends). Then every demo
 * user reads each record (GET /:id → `allowedActions`) and tries every action on it with a
 * deliberately empty payload `{}` — which no action's schema accepts (asserted first), so a
 * probe never performs anything. The kit's runner answers in this order: role (403
 * FORBIDDEN, journaled `access.denied`), status (409 CONFLICT), then the payload (400
 * INVALID_INPUT). So for every user, record and action:
 *
 *   offered in allowedActions  ⇔  the answer is neither 403 nor 409 CONFLICT (it is 400 INVALID_INPUT)
 *
 * and, from the table alone: a user none of whose roles the action lists is refused with 403
 * FORBIDDEN and a journaled denial, the same way in every procedure, whatever the status;
 * a user whose role the action lists but to whom it is not offered now is refused with 409
 * CONFLICT. Every 403 is journaled; nothing else the probes cause is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { DEMO_LOGINS } from '../../src/app/root.js';
import { actionIds, openingActions } from '../../src/procedure/decide.js';
import type { Procedure } from '../../src/procedure/spec.js';
import { PENALTY_PROCEDURE } from '../../src/modules/enforcement/workflow.js';
import { INFORMATION_REQUEST_PROCEDURE } from '../../src/modules/information-requests/actions.js';
import { DISPUTE_PROCEDURE } from '../../src/modules/mediation/actions.js';
import { LAWSUIT_PROCEDURE } from '../../src/modules/litigation/actions.js';
import { ADMIN_MEDIATION_PROCEDURE } from '../../src/modules/mediation/admin-actions.js';

// biome-ignore lint/suspicious/noExplicitAny: any procedure
type AnyProcedure = Procedure<any, string>;

/** 10:00 China time on a legal date. */
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

const PROBE: Record<string, never> = {};

interface User {
  username: string;
  client: Client;
  id: string;
  roles: string[];
  permissions: Set<string>;
}

interface Probe {
  user: string;
  record: string;
  action: string;
  status: number;
  code: string | undefined;
}

const party = {
  kind: 'organisation',
  name: '秀山县某某建材有限公司',
  idNumber: '91500241MA5U00000K',
  address: '秀山县妙泉镇某某村3组',
  phone: '023-76660000',
  representative: '王某某',
};
const applicant = {
  kind: 'citizen',
  name: '张三',
  idNumber: '500241199001011236',
  phone: '13800001234',
  email: null,
  address: '秀山县妙泉镇贵塘村2组',
};

describe('the probe payload', () => {
  it('is refused by the schema of every action of every procedure (so a probe performs nothing)', () => {
    for (const proc of [
      PENALTY_PROCEDURE,
      INFORMATION_REQUEST_PROCEDURE,
      DISPUTE_PROCEDURE,
      ADMIN_MEDIATION_PROCEDURE,
      LAWSUIT_PROCEDURE,
    ] as AnyProcedure[]) {
      for (const type of actionIds(proc)) expect(proc.actions[type]!.payload.safeParse(PROBE).success, type).toBe(false);
    }
    // The console's opening of an information request adds the tracking code's hash: still refused.
    expect(
      INFORMATION_REQUEST_PROCEDURE.actions['information-request.submit'].payload.safeParse({ trackingHash: 'a'.repeat(64) }).success,
    ).toBe(false);
  });
});

describe.each(ENGINES)('the status × action × role matrix over HTTP on %s', (engine) => {
  let t: TestApp;
  const users = new Map<string, User>();
  let lastSeq = 0;

  beforeAll(async () => {
    t = await startTestApp(engine);
    for (const { username } of DEMO_LOGINS) {
      const client = await t.login(username);
      const me = (await client.get('/api/v1/session')).json();
      users.set(username, {
        username,
        client,
        id: me.user.id,
        roles: (me.roles as { id: string }[]).map((r) => r.id),
        permissions: new Set(me.permissions),
      });
    }
    for (const u of users.values()) expect(u.roles?.length, `${u.username} has roles`).toBeGreaterThan(0);
  }, 600_000);
  afterAll(async () => t?.close());

  const user = (name: string) => users.get(name)!.client;
  let key = 0;
  const ok = async (c: Client, url: string, type: string, payload: unknown) => {
    const res = await c.post(url, { type, payload }, { 'idempotency-key': `matrix-${engine}-${++key}` });
    if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; status: string; suspended: boolean };
  };

  /** The access.denied rows appended since the last call. */
  async function newDenials() {
    const rows = await t.yifa.db.kysely
      .selectFrom('actions')
      .select(['seq', 'actor_user_id', 'payload'])
      .where('type', '=', 'access.denied')
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .execute();
    if (rows.length) lastSeq = Number(rows.at(-1)!.seq);
    return rows.map((r) => ({
      userId: r.actor_user_id,
      payload: JSON.parse(r.payload) as { kind: string; url: string; action?: string; permission?: string },
    }));
  }

  /**
   * Probes every action on one record as one user, and checks the answers against what the
   * record offers that user and against the table; every 403 must be journaled, nothing else.
   */
  async function probeRecord(proc: AnyProcedure, base: string, label: string, id: string, u: User): Promise<Probe[]> {
    await newDenials();
    const read = await u.client.get(`${base}/${id}`);
    const canRead = u.permissions.has(proc.permissions.read);
    expect(read.statusCode, `${u.username} GET ${label}: ${read.body.slice(0, 200)}`).toBe(canRead ? 200 : 403);
    const offered = new Set<string>(canRead ? (read.json().allowedActions as { type: string }[]).map((a) => a.type) : []);
    if (!canRead) expect((await newDenials()).length, `${u.username} GET ${label} journaled`).toBe(1);
    const probes: Probe[] = [];
    const opening = new Set(openingActions(proc));
    for (const action of actionIds(proc)) {
      const res = await u.client.post(`${base}/${id}/actions`, { type: action, payload: PROBE });
      const code = res.statusCode >= 400 ? (res.json().error?.code as string | undefined) : undefined;
      const p = { user: u.username, record: label, action, status: res.statusCode, code };
      probes.push(p);
      const where = `${u.username} ${action} on ${label}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, where).not.toBe(200);
      expect(res.statusCode, where).toBeLessThan(500);
      const mayByRole = proc.actions[action]!.roles.some((r: string) => u.roles.includes(r));
      if (!canRead) {
        // The route itself is closed: refused before the table is consulted.
        expect([res.statusCode, code], where).toEqual([403, 'FORBIDDEN']);
      } else if (opening.has(action)) {
        // An opening action is no action on a record: never offered; the role decides first
        // (403, journaled, as everywhere), then it is refused as not an action on a record.
        expect(offered.has(action), where).toBe(false);
        expect([res.statusCode, code], where).toEqual(mayByRole ? [400, 'INVALID_INPUT'] : [403, 'FORBIDDEN']);
      } else {
        const accepted = !(res.statusCode === 403 || (res.statusCode === 409 && code === 'CONFLICT'));
        expect(accepted, `${where} — offered: ${offered.has(action)}`).toBe(offered.has(action));
        // Why it is refused follows from the table: role → 403, otherwise status → 409 CONFLICT.
        if (!mayByRole) expect([res.statusCode, code], where).toEqual([403, 'FORBIDDEN']);
        else if (!offered.has(action)) expect([res.statusCode, code], where).toEqual([409, 'CONFLICT']);
        else expect([res.statusCode, code], where).toEqual([400, 'INVALID_INPUT']);
      }
    }
    // Every 403 is journaled once, as this user, at this record's actions; nothing else is.
    const denials = await newDenials();
    const forbidden = probes.filter((p) => p.status === 403);
    expect(denials.length, `${u.username} on ${label}: denials journaled`).toBe(forbidden.length);
    for (const d of denials) {
      expect(d.userId).toBe(u.id);
      expect(d.payload.url).toBe(`${base}/${id}/actions`);
      if (d.payload.kind === 'permission') expect(d.payload.permission).toBe(proc.permissions.read);
      else
        expect(
          forbidden.map((p) => p.action),
          `${u.username} on ${label}: ${JSON.stringify(d.payload)}`,
        ).toContain(d.payload.action);
    }
    const byRunner = denials
      .filter((d) => d.payload.action)
      .map((d) => d.payload.action)
      .sort();
    expect(byRunner).toEqual(canRead ? forbidden.map((p) => p.action).sort() : []);
    return probes;
  }

  /** The opening actions, posted to the collection with the empty payload: the role decides (403, journaled) or the payload (400). */
  async function probeOpening(proc: AnyProcedure, base: string, u: User) {
    await newDenials();
    let forbidden = 0;
    for (const action of openingActions(proc)) {
      const res = await u.client.post(base, { type: action, payload: PROBE });
      const code = res.json().error?.code as string | undefined;
      const where = `${u.username} opens with ${action}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      const may = u.permissions.has(proc.permissions.read) && proc.actions[action]!.roles.some((r: string) => u.roles.includes(r));
      expect([res.statusCode, code], where).toEqual(may ? [400, 'INVALID_INPUT'] : [403, 'FORBIDDEN']);
      if (!may) forbidden++;
    }
    const denials = await newDenials();
    expect(denials.length, `${u.username} opening denials journaled`).toBe(forbidden);
    for (const d of denials) expect([d.userId, d.payload.url]).toEqual([u.id, base]);
  }

  /** Probes the whole matrix of one procedure and checks the refusal by role reads the same in it. */
  async function probeProcedure(proc: AnyProcedure, base: string, records: Record<string, string>) {
    const all: Probe[] = [];
    for (const u of users.values()) {
      await probeOpening(proc, base, u);
      for (const [label, id] of Object.entries(records)) all.push(...(await probeRecord(proc, base, label, id, u)));
    }
    // Every action was offered to someone somewhere, or it is an opening one, or (listed here) it needs a state the matrix lacks.
    const offered = new Set(all.filter((p) => p.status === 400).map((p) => p.action));
    return { all, neverOffered: actionIds(proc).filter((a) => !offered.has(a) && !openingActions(proc).includes(a)) };
  }

  describe('penalty cases', () => {
    const base = '/api/v1/penalty-cases';
    const records: Record<string, string> = {};

    beforeAll(async () => {
      const zhifa1 = user('zhifa1');
      const fuzeren = user('fuzeren');
      const admin = user('admin');
      const people = (await admin.get('/api/v1/people?limit=200')).json().items as { id: string; post: string }[];
      const officers = [users.get('zhifa1')!.client, users.get('zhifa2')!.client];
      const officerIds: string[] = [];
      for (const c of officers) officerIds.push((await c.get('/api/v1/session')).json().user.personId);
      const chair = people.find((p) => p.post === '综合行政执法办公室主任')!.id;
      const act = (c: Client, id: string, type: string, payload: unknown) => ok(c, `${base}/${id}/actions`, type, payload);
      const expectStatus = (v: { status: string }, s: string) => expect(v.status).toBe(s);

      let d = '2026-03-02';
      t.yifa.clock.source = at(d);
      const register = async () =>
        (
          await ok(zhifa1, base, 'penalty.register', {
            source: { kind: 'patrol', summary: '巡查发现某某村3组有未批先建的厂房', receivedOn: d },
            party,
            field: '综合行政执法',
          })
        ).id;
      const requestFiling = (id: string) =>
        act(zhifa1, id, 'penalty.request-filing', {
          violationTypeId: 'illegal-building',
          actOn: '2026-02-20',
          seriousHarm: false,
          officers: officerIds,
          summary: '未取得乡村建设规划许可证建设厂房约 600 平方米',
        });
      const filed = async () => {
        const id = await register();
        await requestFiling(id);
        expectStatus(await act(fuzeren, id, 'penalty.approve', { kind: 'filing', opinion: '同意立案' }), 'investigating');
        return id;
      };
      const concluded = async (outcome: 'penalty' | 'no-penalty-minor') => {
        const id = await filed();
        await act(zhifa1, id, 'penalty.record-inspection', {
          on: d,
          place: '某某村3组',
          officers: officerIds,
          subject: '王某某',
          summary: '现场有在建厂房一处，未见规划许可公示',
        });
        await act(zhifa1, id, 'penalty.record-inquiry', {
          on: d,
          place: '妙泉镇综合行政执法办公室',
          officers: officerIds,
          subject: '王某某',
          summary: '当事人承认未办理乡村建设规划许可证',
        });
        const penalises = outcome === 'penalty';
        const v = await act(zhifa1, id, 'penalty.conclude-investigation', {
          on: d,
          facts: '当事人未取得乡村建设规划许可证，擅自建设厂房约 600 平方米',
          evidenceSummary: '现场检查笔录、询问笔录',
          outcome,
          kinds: penalises ? ['fine'] : [],
          fineFen: penalises ? 20_000_000 : 0,
          confiscationFen: 0,
          basis: '《中华人民共和国城乡规划法》第六十五条',
          circumstanceId: penalises ? 'serious' : null,
          discretionReason: null,
          education: penalises ? null : '对当事人进行了法治宣传教育',
          reviewGrounds: [],
        });
        expectStatus(v, 'investigated');
        return id;
      };
      // Each on-the-spot decision another household: one act of one party is fined once (Art 29).
      let household = 0;
      const onTheSpot = async (paidOnSpot: boolean) =>
        (
          await ok(zhifa1, base, 'penalty.on-the-spot', {
            party: {
              kind: 'citizen',
              name: '张某某',
              idNumber: null,
              address: `妙泉镇某某村${++household}组`,
              phone: null,
              representative: null,
            },
            field: '综合行政执法',
            on: d,
            place: '某某村林区',
            officers: officerIds,
            violationTypeId: 'waste-dumping',
            circumstanceId: 'minor',
            facts: '在集镇街道随意倾倒生活垃圾',
            basis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
            told: true,
            statement: null,
            statementReply: null,
            kinds: ['fine'],
            fineFen: 10_000,
            confiscationFen: 0,
            signed: true,
            refusalNote: null,
            cashCollected: paidOnSpot,
            cashGround: null,
            cashGroundNote: null,
            receiptNumber: paidOnSpot ? '渝财罚 000123' : null,
          })
        ).id;
      /** The cash handed in and banked and the decision filed (Arts 52, 71), as the law asks before closing. */
      const settleOnTheSpot = async (id: string) => {
        await act(zhifa1, id, 'penalty.hand-in-cash', { on: d, receivedBy: '镇财政所出纳' });
        await act(zhifa1, id, 'penalty.bank-cash', { on: d, bankReceipt: '缴款单 0001' });
        await act(zhifa1, id, 'penalty.file-on-the-spot', { on: d });
      };

      records.registered = await register();
      records.filing = await register();
      expectStatus(await requestFiling(records.filing), 'filing');
      records['not-filed'] = await register();
      await requestFiling(records['not-filed']);
      expectStatus(await act(fuzeren, records['not-filed'], 'penalty.reject', { kind: 'filing', reason: '不属于本机关管辖' }), 'not-filed');
      records.investigating = await filed();
      records['investigating (suspended)'] = await filed();
      const suspended = await act(fuzeren, records['investigating (suspended)'], 'penalty.suspend', {
        from: '2026-03-02',
        reason: '等待鉴定结论',
      });
      expect(suspended.suspended).toBe(true);
      records.investigated = await concluded('penalty');
      records['in-review'] = await concluded('penalty');
      expectStatus(
        await act(zhifa1, records['in-review'], 'penalty.submit-review', { on: '2026-03-02', materials: '情况说明、拟决定书、证据' }),
        'in-review',
      );
      records.decided = await concluded('no-penalty-minor');
      expectStatus(
        await act(fuzeren, records.decided, 'penalty.decide', {
          on: '2026-03-02',
          reasoning: '违法行为轻微并及时改正',
          paymentInstructions: null,
        }),
        'decided',
      );
      records.executing = await onTheSpot(false);
      records.closed = await onTheSpot(true);
      records.archived = await onTheSpot(true);
      for (const id of [records.closed, records.archived]) await settleOnTheSpot(id);
      for (const id of [records.closed, records.archived])
        expectStatus(await act(zhifa1, id, 'penalty.close', { on: '2026-03-02', report: '当事人已当场缴纳罚款，案件办结' }), 'closed');
      expectStatus(await act(fuzeren, records.archived, 'penalty.archive', { on: '2026-03-02', acknowledgeWarnings: true }), 'archived');

      d = '2026-03-03';
      t.yifa.clock.source = at(d);
      records.notified = await concluded('penalty');
      expectStatus(
        await act(zhifa1, records.notified, 'penalty.serve-notice', { servedOn: '2026-03-03', method: 'direct', consentOnFile: false }),
        'notified',
      );
      records.hearing = await concluded('penalty');
      await act(zhifa1, records.hearing, 'penalty.serve-notice', { servedOn: '2026-03-03', method: 'direct', consentOnFile: false });
      expectStatus(await act(zhifa1, records.hearing, 'penalty.request-hearing', { requestedOn: '2026-03-03' }), 'hearing');
      await act(zhifa1, records.hearing, 'penalty.notify-hearing', {
        servedOn: '2026-03-03',
        hearingDate: '2026-03-16',
        place: '镇政府三楼会议室',
        chairPersonId: chair,
        public: true,
      });
    }, 600_000);

    it('reaches every status of the procedure but none', () => {
      const reached = new Set<string>();
      for (const label of Object.keys(records)) reached.add(label.split(' ')[0]!);
      expect([...reached].sort()).toEqual(Object.keys(PENALTY_PROCEDURE.statusNames).sort());
    });

    it('offers exactly what the server accepts, to every demo user, on every record; refusals by role are 403 and journaled', async () => {
      const { all, neverOffered } = await probeProcedure(PENALTY_PROCEDURE as AnyProcedure, base, records);
      expect(all.length).toBe(users.size * Object.keys(records).length * actionIds(PENALTY_PROCEDURE).length);
      // These need a fact of the case or of the day none of the matrix's records has (their
      // `requires`, `when`): they are refused there as not now (409), never offered — evidence
      // to withdraw, an approved preservation or seizure, a statement to re-check, a hearing
      // held or its day come, a reminder served or payment overdue, a case ready to decide or
      // to close, cash taken on the spot to hand in or bank, an overpayment to refund, a 责令改正 to
      // check. test/store/offered-actions.test.ts sees them offered on the demo's records.
      expect(neverOffered.sort()).toEqual(
        [
          'penalty.withdraw-evidence',
          'penalty.decide-preservation',
          'penalty.request-seizure-extension',
          'penalty.release-seizure',
          'penalty.recheck-statement',
          'penalty.report-hearing',
          'penalty.apply-court',
          'penalty.hold-hearing',
          'penalty.serve-reminder',
          'penalty.decide',
          'penalty.close',
          'penalty.hand-in-cash',
          'penalty.bank-cash',
          'penalty.record-refund',
          'penalty.recheck-correction',
        ].sort(),
      );
    });
  });

  describe('information requests', () => {
    const base = '/api/v1/information-requests';
    const records: Record<string, string> = {};

    beforeAll(async () => {
      const gongkai = user('gongkai');
      const act = (id: string, type: string, payload: unknown) => ok(gongkai, `${base}/${id}/actions`, type, payload);
      const expectStatus = (v: { status: string }, s: string) => expect(v.status).toBe(s);
      t.yifa.clock.source = at('2026-05-06');
      const submit = async () =>
        (
          await ok(gongkai, base, 'information-request.submit', {
            channel: 'counter',
            receivedOn: '2026-05-06',
            applicant,
            description: '妙泉镇2025年农村公路建设资金使用情况',
            form: 'paper',
          })
        ).id;
      const correcting = async () => {
        const id = await submit();
        expectStatus(
          await act(id, 'information-request.request-correction', {
            on: '2026-05-06',
            items: '请写明具体项目名称',
            answerBy: '2026-05-08',
          }),
          'correcting',
        );
        return id;
      };
      records.received = await submit();
      records.correcting = await correcting();
      records.processing = await correcting();
      expectStatus(
        await act(records.processing, 'information-request.answer-correction', {
          on: '2026-05-06',
          answer: '贵塘村至大田村通村公路硬化项目',
          lateReason: null,
        }),
        'processing',
      );
      records.consulting = await submit();
      expectStatus(
        await act(records.consulting, 'information-request.consult-third-party', {
          sentOn: '2026-05-06',
          thirdParty: '某某建材公司',
          matter: '施工合同中的报价可能涉及商业秘密',
        }),
        'consulting',
      );
      records.replied = await submit();
      expectStatus(
        await act(records.replied, 'information-request.reply', {
          on: '2026-05-06',
          type: 'not-exist',
          text: '经检索，本机关未制作或获取该信息',
          ground: null,
          referTo: null,
          publicInterest: null,
        }),
        'replied',
      );
      records.withdrawn = await correcting();
      t.yifa.clock.source = at('2026-05-11');
      expectStatus(await act(records.withdrawn, 'information-request.deem-withdrawn', { on: '2026-05-11' }), 'withdrawn');
    }, 600_000);

    it('reaches every status of the procedure', () => {
      expect(Object.keys(records).sort()).toEqual(Object.keys(INFORMATION_REQUEST_PROCEDURE.statusNames).sort());
    });

    it('offers exactly what the server accepts, to every demo user, on every record; refusals by role are 403 and journaled', async () => {
      const { all, neverOffered } = await probeProcedure(INFORMATION_REQUEST_PROCEDURE as AnyProcedure, base, records);
      expect(all.length).toBe(users.size * Object.keys(records).length * actionIds(INFORMATION_REQUEST_PROCEDURE).length);
      // 申请人补正 is the applicant's (the portal's) or the clerk's: offered in 待补正. The head's
      // answers need a pending extension, withdrawing a file a file attached (`answers`,
      // `requires`): none of the matrix's requests has either, so they are refused there as not now.
      expect(neverOffered.sort()).toEqual(
        ['information-request.approve', 'information-request.reject', 'information-request.withdraw-file'].sort(),
      );
    });
  });

  describe('人民调解 disputes', () => {
    const base = '/api/v1/disputes';
    const records: Record<string, string> = {};
    /** A checksum-valid ID number (GB 11643). */
    const idNumber = (seq: number) => {
      const first = `50024119800101${String(seq).padStart(3, '0')}`;
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      return first + '10X98765432'[[...first].reduce((a, c, i) => a + Number(c) * w[i]!, 0) % 11];
    };

    beforeAll(async () => {
      const tiaojie = user('tiaojie');
      const me = (await tiaojie.get('/api/v1/session')).json().user;
      const others = (await user('admin').get('/api/v1/people?limit=200')).json().items as { id: string }[];
      const village = (await user('admin').get('/api/v1/regions')).json().items.find((r: { name: string }) => r.name === '妙泉村').id;
      const committee = await user('sifasuo').post('/api/v1/mediation-committees', {
        name: '妙泉村人民调解委员会',
        kind: 'village',
        regionId: village,
        termStart: '2024-07-01',
        members: [
          { personId: me.personId, position: 'chair', gender: 'male' },
          ...others
            .filter((p) => p.id !== me.personId)
            .slice(0, 2)
            .map((p, i) => ({ personId: p.id, position: 'member', gender: i === 0 ? 'female' : 'male' })),
        ],
      });
      expect(committee.statusCode, committee.body).toBe(201);
      const act = (id: string, type: string, payload: unknown) => ok(tiaojie, `${base}/${id}/actions`, type, payload);
      const expectStatus = (v: { status: string }, s: string) => expect(v.status).toBe(s);
      const on = '2026-05-06';
      t.yifa.clock.source = at(on);
      let n = 0;
      const register = async () =>
        (
          await ok(tiaojie, base, 'dispute.register', {
            committeeId: null,
            registeredOn: on,
            source: 'application',
            referredBy: null,
            category: 'land',
            partyA: { kind: 'citizen', name: '田某某', idNumber: idNumber(++n), phone: null, address: null },
            partyB: { kind: 'citizen', name: '杨某某', idNumber: idNumber(++n), phone: null, address: null },
            facts: '承包地边界争议',
            points: '界址',
          })
        ).id;
      const mediating = async () => {
        const id = await register();
        expectStatus(await act(id, 'dispute.consent', { on, note: '同意' }), 'mediating');
        await act(id, 'dispute.assign-mediators', { on, chosen: false, personIds: [me.personId] });
        await act(id, 'dispute.record-session', { on, place: '调解室', present: '双方', record: '调解' });
        return id;
      };
      const agreed = async () => {
        const id = await mediating();
        const terms = { on, terms: '协议', performance: '当场', amountFen: 0, responsibility: '双方', signed: true };
        expectStatus(await act(id, 'dispute.written-agreement', terms), 'agreed');
        return id;
      };
      records.registered = await register();
      records.declined = await register();
      expectStatus(await act(records.declined, 'dispute.decline', { on, refusedBy: '杨某某', note: '拒绝' }), 'declined');
      records.mediating = await mediating();
      records.ended = await mediating();
      expectStatus(await act(records.ended, 'dispute.end', { on, reason: '未达成', routes: '起诉' }), 'ended');
      records.agreed = await agreed();
      records.performed = await agreed();
      expectStatus(await act(records.performed, 'dispute.follow-up', { on, performance: 'full', note: '已履行' }), 'performed');
    }, 600_000);

    it('reaches every status of the procedure', () => {
      expect(Object.keys(records).sort()).toEqual(Object.keys(DISPUTE_PROCEDURE.statusNames).sort());
    });

    it('offers exactly what the server accepts, to every demo user, on every record; refusals by role are 403 and journaled', async () => {
      const { all, neverOffered } = await probeProcedure(DISPUTE_PROCEDURE as AnyProcedure, base, records);
      expect(all.length).toBe(users.size * Object.keys(records).length * actionIds(DISPUTE_PROCEDURE).length);
      // The court's result needs an application for 司法确认 (`requires`): none of the matrix's disputes has one.
      expect(neverOffered).toEqual(['dispute.record-court-result']);
    });
  });

  describe('行政调解', () => {
    const base = '/api/v1/administrative-mediations';
    const records: Record<string, string> = {};
    const idNumber = (seq: number) => {
      const first = `50024119800202${String(seq).padStart(3, '0')}`;
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      return first + '10X98765432'[[...first].reduce((a, c, i) => a + Number(c) * w[i]!, 0) % 11];
    };

    beforeAll(async () => {
      const zhifa1 = user('zhifa1');
      const act = (id: string, type: string, payload: unknown) => ok(zhifa1, `${base}/${id}/actions`, type, payload);
      const expectStatus = (v: { status: string }, s: string) => expect(v.status).toBe(s);
      const on = '2026-05-06';
      t.yifa.clock.source = at(on);
      let n = 0;
      const register = async () =>
        (
          await ok(zhifa1, base, 'admin-mediation.register', {
            registeredOn: on,
            source: 'application',
            basis: 'civil',
            category: 'damages',
            partyA: { kind: 'citizen', name: '田某某', idNumber: idNumber(++n), phone: null, address: null },
            partyB: { kind: 'citizen', name: '杨某某', idNumber: idNumber(++n), phone: null, address: null },
            facts: '占道堆放建材造成车辆刮损',
            points: '修理费用',
            penaltyCaseId: null,
          })
        ).id;
      const mediating = async () => {
        const id = await register();
        expectStatus(await act(id, 'admin-mediation.consent', { on, hosts: '张某', note: '同意' }), 'mediating');
        await act(id, 'admin-mediation.record-session', { on, place: '调解室', present: '双方', record: '调解' });
        return id;
      };
      const agreed = async () => {
        const id = await mediating();
        const terms = { on, terms: '协议', performance: '当场', amountFen: 0, responsibility: '双方', signed: true };
        expectStatus(await act(id, 'admin-mediation.agreement', terms), 'agreed');
        return id;
      };
      records.registered = await register();
      records.declined = await register();
      expectStatus(await act(records.declined, 'admin-mediation.decline', { on, refusedBy: '杨某某', note: '拒绝' }), 'declined');
      records.mediating = await mediating();
      records.ended = await mediating();
      expectStatus(await act(records.ended, 'admin-mediation.end', { on, reason: '未达成', routes: '起诉' }), 'ended');
      records.agreed = await agreed();
      records.performed = await agreed();
      expectStatus(await act(records.performed, 'admin-mediation.follow-up', { on, performance: 'full', note: '已履行' }), 'performed');
    }, 600_000);

    it('reaches every status of the procedure', () => {
      expect(Object.keys(records).sort()).toEqual(Object.keys(ADMIN_MEDIATION_PROCEDURE.statusNames).sort());
    });

    it('offers exactly what the server accepts, to every demo user, on every record; refusals by role are 403 and journaled', async () => {
      const { all, neverOffered } = await probeProcedure(ADMIN_MEDIATION_PROCEDURE as AnyProcedure, base, records);
      expect(all.length).toBe(users.size * Object.keys(records).length * actionIds(ADMIN_MEDIATION_PROCEDURE).length);
      expect(neverOffered).toEqual([]);
    });
  });

  describe('行政应诉 lawsuits', () => {
    const base = '/api/v1/lawsuits';
    const records: Record<string, string> = {};

    beforeAll(async () => {
      const fazhi = user('fazhi');
      const fuzeren = user('fuzeren');
      const act = (id: string, type: string, payload: unknown, by = fazhi) => ok(by, `${base}/${id}/actions`, type, payload);
      const on = '2026-05-06';
      t.yifa.clock.source = at(on);
      let n = 0;
      const register = async () =>
        (
          await ok(fazhi, base, 'litigation.register', {
            court: '秀山土家族苗族自治县人民法院',
            caseNumber: `（2026）渝0241行初${500 + ++n}号`,
            filedOn: on,
            copyReceivedOn: on,
            plaintiff: { kind: 'citizen', name: '向某某', idNumber: '', phone: null, address: null },
            claims: '撤销处罚决定',
            challengedKind: 'other',
            challengedCaseId: null,
            reconsiderationId: null,
            challengedAct: '妙泉综执罚决字〔2026〕第1号行政处罚决定',
            mandatoryGrounds: [],
          })
        ).id;
      const answered = async () => {
        const id = await register();
        await act(id, 'litigation.file-answer', { on, text: '答辩', normativeDocuments: null, lateReason: null, bundle: null });
        return id;
      };
      const judged = async (type: string) => {
        const id = await answered();
        await act(id, 'litigation.record-judgment', {
          type,
          on,
          number: `（2026）渝0241行初${600 + ++n}号`,
          servedOn: on,
          summary: '判决',
          variedFineFen: null,
          redoBy: null,
        });
        return id;
      };
      records.answering = await register();
      records['in-court'] = await answered();
      // A hearing ahead: the head may issue the 授权委托书 now; the hearing is recorded on its day.
      await act(records['in-court'], 'litigation.schedule-hearing', {
        summonedOn: on,
        date: '2026-12-30',
        place: '第一审判庭',
        courtRecommendsHead: false,
      });
      records.judged = await judged('dismissed');
      records.appealed = await judged('revoked');
      await act(records.appealed, 'litigation.decide-appeal', { on, appeal: true, reason: '不服' }, fuzeren);
      records.performing = await judged('revoked');
      records.closed = await judged('dismissed');
      for (const id of [records.performing, records.closed])
        await act(id, 'litigation.decide-appeal', { on, appeal: false, reason: '不上诉' }, fuzeren);
      t.yifa.clock.source = at('2026-05-25');
      for (const id of [records.performing, records.closed]) await act(id, 'litigation.record-effective', { plaintiffAppealed: false });
    }, 600_000);

    it('reaches every status of the procedure', () => {
      expect(Object.keys(records).sort()).toEqual(Object.keys(LAWSUIT_PROCEDURE.statusNames).sort());
    });

    it('offers exactly what the server accepts, to every demo user, on every record; refusals by role are 403 and journaled', async () => {
      const { all, neverOffered } = await probeProcedure(LAWSUIT_PROCEDURE as AnyProcedure, base, records);
      expect(all.length).toBe(users.size * Object.keys(records).length * actionIds(LAWSUIT_PROCEDURE).length);
      // The hearing ahead is recorded only on its day (`when`), the judged record's agency has not yet decided
      // whether to appeal (so its judgment cannot be recorded effective), and no record has a 司法建议 to reply to.
      expect(neverOffered).toEqual(['litigation.record-hearing', 'litigation.record-effective', 'litigation.reply-suggestion']);
    });
  });

  it('refuses an action a role may not take the same way in every procedure: 403 FORBIDDEN, journaled', async () => {
    // The officer may not reply to an information request; the disclosure clerk may not decide a penalty case.
    const cases = [
      { u: users.get('zhifa1')!, url: '/api/v1/information-requests', type: 'information-request.reply' },
      { u: users.get('gongkai')!, url: '/api/v1/penalty-cases', type: 'penalty.decide' },
      { u: users.get('jiandu')!, url: '/api/v1/information-requests', type: 'information-request.reply' },
      { u: users.get('jiandu')!, url: '/api/v1/penalty-cases', type: 'penalty.decide' },
      { u: users.get('fazhi')!, url: '/api/v1/penalty-cases', type: 'penalty.register' },
    ];
    for (const c of cases) {
      const list = (await users.get('fuzeren')!.client.get(`${c.url}?limit=1`)).json().items as { id: string }[];
      await newDenials();
      const res = c.type.endsWith('register')
        ? await c.u.client.post(c.url, { type: c.type, payload: PROBE })
        : await c.u.client.post(`${c.url}/${list[0]!.id}/actions`, { type: c.type, payload: PROBE });
      expect([res.statusCode, res.json().error.code], `${c.u.username} ${c.type}`).toEqual([403, 'FORBIDDEN']);
      const denied = await newDenials();
      expect(
        denied.map((d) => d.userId),
        `${c.u.username} ${c.type} journaled`,
      ).toEqual([c.u.id]);
    }
  });
});
