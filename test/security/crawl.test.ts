/**
 * The security crawl: as each demo role, request every GET route of the API (from its
 * OpenAPI description) with the ids of real records — the role's own and others' — and
 * fail when a response carries
 *  - a person's ID number or phone to a role without 'person.personal-data';
 *  - a party's ID number, phone or address to a role that may not see parties;
 *  - an information request's applicant's ID number, phone, email or address to a role
 *    without 'information-request.personal-data';
 *  - a penalty case outside the role's data scope.
 * Documents (DOCX) and case files (ZIP) are opened and their text checked too. A route
 * added later is crawled without anyone remembering to add it here; one whose parameters
 * the crawler cannot fill fails the test until it is taught them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { ENGINES } from '../helpers/engines.js';
import { seedDemoVillages } from '../../src/modules/villages/demo.js';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { DEMO_LOGINS } from '../../src/modules/org/demo.js';
import { inScope } from '../../src/platform/security/scope.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';
import type { InformationRequest } from '../../src/modules/information-requests/state.js';
import type { Petition } from '../../src/modules/petitions/state.js';
import { JOURNAL_READ_POLICIES } from '../../src/app/root.js';
import { NO_SUBJECT } from '../../src/journal/read-policy.js';
import { seedDemoPublications } from '../../src/modules/disclosure/demo.js';
import { seedDemoReconsiderations } from '../../src/modules/reconsideration/demo.js';
import { seedDemoNormative } from '../../src/modules/normative-docs/demo.js';
import { seedDemoOpenness } from '../../src/modules/openness/demo.js';
import { seedDemoLawsuits } from '../../src/modules/litigation/demo.js';
import type { Lawsuit } from '../../src/modules/litigation/state.js';
import type { Kysely } from 'kysely';
import type { Reconsideration } from '../../src/modules/reconsideration/state.js';
import { idCheckChar } from '../../src/platform/identity/numbers.js';

const STRONG = 'Xq7#pLm2-Vt9wRz';
/** Routes that take no session: crawled anonymously elsewhere, or need a secret the crawler has no business holding. */
const NOT_CRAWLED = new Set(['/api/v1/shared-evidence/{token}']);

interface Secrets {
  /** people's ID numbers and phones */
  personal: string[];
  /** parties' ID numbers, phones and addresses */
  party: string[];
  /** information requests' applicants' ID numbers, phones, emails and addresses */
  applicant: string[];
  /** petitioners' ID numbers, phones and addresses */
  petitioner: string[];
  /** disputes' parties' ID numbers, phones and addresses */
  /** lawsuits' plaintiffs' ID numbers, phones and addresses */
  lawsuitPlaintiff: string[];
  disputeParty: string[];
  /** reconsiderations' applicants' ID numbers, phones and addresses */
  reconsiderationApplicant: string[];
  /** 行政调解 parties' ID numbers, phones and addresses (seen only by the mediating agency's staff) */
  adminMediationParty: string[];
}

interface CaseRow {
  id: string;
  region_path: string;
  created_by: string;
  officer_ids: string;
  state: string;
}

/** The text of a response, with the entries of a DOCX or ZIP opened. */
function textOf(res: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }): string {
  const type = String(res.headers['content-type'] ?? '');
  if (!/zip|officedocument/.test(type)) return res.body;
  const files = unzipSync(new Uint8Array(res.rawPayload));
  return Object.entries(files)
    .filter(([name]) => /\.(xml|json|txt|csv)$/.test(name))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');
}

/** A response and, for a paged list, every further page (the journal's oldest entries are pages away). */
async function* pagesOf(c: Client, url: string) {
  let next: string | null = null;
  for (let page = 0; page < 500; page++) {
    const res = await c.get(next === null ? url : `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next)}`);
    yield res;
    next =
      res.statusCode === 200 && /json/.test(String(res.headers['content-type']))
        ? ((res.json() as { next?: string | null }).next ?? null)
        : null;
    if (next === null) return;
  }
  throw new Error(`${url}: more than 500 pages`);
}

describe.each(ENGINES)('security crawl on %s', (engine) => {
  let t: TestApp;
  let paths: string[];
  let secrets: Secrets;
  let cases: CaseRow[];
  const values: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await startTestApp(engine, { cases: true });
    const admin = await t.login('admin');
    // A case of a county department, outside every town user's scope.
    const people = (await admin.get('/api/v1/people?limit=200')).json().items as { id: string; agencyId: string; regionId: string }[];
    const regions = (await admin.get('/api/v1/regions')).json().items as { id: string; level: string }[];
    const county = regions.find((r) => r.level === 'county')!;
    const countyOfficer = people.find((p) => p.regionId === county.id)!;
    const made = await admin.post('/api/v1/users', {
      username: 'xianzhifa',
      displayName: '县局执法人员',
      password: STRONG,
      personId: countyOfficer.id,
      agencyId: countyOfficer.agencyId,
      regionId: county.id,
      dataScope: 'level',
      roles: ['officer'],
    });
    expect(made.statusCode, made.body).toBe(201);
    const xian = await t.login('xianzhifa', STRONG);
    const today = (await xian.get('/api/v1/penalty-cases/dictionaries')).json().today;
    const opened = await xian.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: {
        source: { kind: 'complaint', summary: '群众举报某厂夜间排污', receivedOn: today },
        party: {
          kind: 'citizen',
          name: '赵某',
          idNumber: '500241198803034320',
          address: '秀山县城某街道8号',
          phone: '13712345678',
          representative: null,
        },
        field: '生态环境',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);

    // A mediation committee with the demo mediator and two disputes of it, one with its agreement.
    const tiaojie = await t.login('tiaojie');
    const mediator = (await tiaojie.get('/api/v1/session')).json().user.personId as string;
    const village = (regions as { id: string; name?: string }[]).find((r) => r.name === '妙泉村')!.id;
    const members = [
      mediator,
      ...people
        .filter((p) => p.id !== mediator && p.regionId !== county.id)
        .slice(0, 2)
        .map((p) => p.id),
    ];
    const committee = await (await t.login('sifasuo')).post('/api/v1/mediation-committees', {
      name: '妙泉村人民调解委员会',
      kind: 'village',
      regionId: village,
      termStart: '2024-07-01',
      members: members.map((personId, i) => ({ personId, position: i === 0 ? 'chair' : 'member', gender: i === 1 ? 'female' : 'male' })),
    });
    expect(committee.statusCode, committee.body).toBe(201);
    const disputeIds: string[] = [];
    for (const [i, agree] of [true, false].entries()) {
      const d = await tiaojie.post('/api/v1/disputes', {
        type: 'dispute.register',
        payload: {
          committeeId: null,
          registeredOn: today,
          source: 'application',
          referredBy: null,
          category: 'neighbour',
          partyA: {
            kind: 'citizen',
            name: '龙某某',
            idNumber: ['50024119800101001X', '500241198001010036'][i],
            phone: '13911112222',
            address: '妙泉村五组十八号',
          },
          partyB: {
            kind: 'citizen',
            name: '石某某',
            idNumber: ['500241198001010028', '500241198001010044'][i],
            phone: '13933334444',
            address: '妙泉村六组九号',
          },
          facts: '排水沟堵塞',
          points: '疏通责任',
        },
      });
      expect(d.statusCode, d.body).toBe(201);
      const id = d.json().id as string;
      disputeIds.push(id);
      if (!agree) continue;
      const go = async (type: string, payload: unknown) => {
        const r = await tiaojie.post(`/api/v1/disputes/${id}/actions`, { type, payload });
        expect(r.statusCode, r.body).toBe(200);
      };
      await go('dispute.consent', { on: today, note: '同意' });
      await go('dispute.assign-mediators', { on: today, chosen: false, personIds: [mediator] });
      await go('dispute.record-session', { on: today, place: '调解室', present: '双方', record: '调解' });
      await go('dispute.written-agreement', {
        on: today,
        terms: '疏通',
        performance: '当场',
        amountFen: 0,
        responsibility: '双方',
        signed: true,
      });
    }
    values.disputeId = disputeIds;
    // A screening round with its item, and a 平安志愿者 whose phone is mediation's personal data.
    const round = await tiaojie.post('/api/v1/dispute-screenings', {
      committeeId: null,
      screenedOn: today,
      screeners: ['田某某'],
      scopeNote: '妙泉村',
      items: [{ grade: 'general', category: 'neighbour', people: '龙某某、石某某', description: '排水沟堵塞', violent: true }],
    });
    expect(round.statusCode, round.body).toBe(201);
    values.screeningId = [round.json().id];
    const volunteer = await tiaojie.post('/api/v1/mediation-volunteers', {
      name: '彭某某',
      phone: '13955556666',
      regionId: village,
      joinedOn: today,
    });
    expect(volunteer.statusCode, volunteer.body).toBe(201);
    values.disputeDocumentId = [`${disputeIds[0]}|registration`, `${disputeIds[0]}|agreement`];
    // A 行政调解 of the town government, to its agreement under the government's seal: its parties are the agency's to see.
    const zhifa1 = await t.login('zhifa1');
    const adminParty = (name: string, seq: number, phone: string, address: string) => {
      const first = `50024119750303${String(seq).padStart(3, '0')}`;
      return { kind: 'citizen', name, idNumber: first + idCheckChar(first), phone, address };
    };
    const adminParties = [
      adminParty('向某某', 901, '13977770001', '凉桥村七组二十号'),
      adminParty('姚某某', 902, '13977770002', '凉桥村八组三号'),
    ];
    const am = await zhifa1.post('/api/v1/administrative-mediations', {
      type: 'admin-mediation.register',
      payload: {
        registeredOn: today,
        source: 'application',
        basis: 'civil',
        category: 'damages',
        partyA: adminParties[0],
        partyB: adminParties[1],
        facts: '占道堆放建材造成车辆刮损',
        points: '修理费用',
        penaltyCaseId: null,
      },
    });
    expect(am.statusCode, am.body).toBe(201);
    const amId = am.json().id as string;
    for (const [type, payload] of [
      ['admin-mediation.consent', { on: today, hosts: '张某', note: '同意' }],
      ['admin-mediation.record-session', { on: today, place: '调解室', present: '双方', record: '调解' }],
      [
        'admin-mediation.agreement',
        { on: today, terms: '赔偿', performance: '当场', amountFen: 50_000, responsibility: '一方', signed: true },
      ],
    ] as const) {
      const r = await zhifa1.post(`/api/v1/administrative-mediations/${amId}/actions`, { type, payload });
      expect(r.statusCode, r.body).toBe(200);
    }
    values.adminMediationId = [amId];
    values.adminMediationDocumentId = [`${amId}|registration`, `${amId}|agreement`];
    const adminMediationSecrets = adminParties.flatMap((p) => [p.idNumber, p.phone, p.address]);
    values.committeeId = [committee.json().id];

    // The decisions' publications (行政执法公示): projected, some released, one withdrawn.
    await seedDemoPublications(t.yifa);
    values.publicationId = (await t.yifa.db.kysely.selectFrom('publications').select('id').orderBy('status').execute()).map((r) => r.id);
    // Documents' 查验码 and 执法证 QR tokens (issue 13 §7, §8): the verify and 亮证 pages the public opens.
    values.verifyCode = (await t.yifa.db.kysely.selectFrom('document_codes').select('code').orderBy('code').limit(20).execute()).map(
      (r) => r.code,
    );
    values.certificateToken = (await t.yifa.db.kysely.selectFrom('certificates').select('public_token').execute()).flatMap(
      (r) => r.public_token ?? [],
    );
    // The villages' rules and meetings: one village's in the clerk's scope (妙泉村), one outside it.
    await seedDemoVillages(t.yifa, { password: DEMO_PASSWORD });
    const villageRules = await t.yifa.db.kysely
      .selectFrom('village_rules')
      .innerJoin('regions', 'regions.id', 'village_rules.village_id')
      .select(['village_rules.id', 'village_rules.village_id'])
      .where('regions.name', 'in', ['妙泉村', '贵塘村'])
      .execute();
    values.villageRulesId = villageRules.map((r) => r.id);
    values.villageId = villageRules.map((r) => r.village_id);
    values.villageMeetingId = (
      await t.yifa.db.kysely.selectFrom('village_meetings').select('id').where('village_id', 'in', values.villageId).limit(2).execute()
    ).map((r) => r.id);
    values.villageDocumentId = [
      ...values.villageRulesId.map((id) => `village-rules|${id}|version:1`),
      ...values.villageMeetingId.map((id) => `village-meetings|${id}|minutes`),
    ];
    // 行政复议 against the town's decisions (the county's 复议人员 is seeded with every test town).
    await seedDemoReconsiderations(t.yifa);
    // 行政应诉: the town's two lawsuits (one lost, one won).
    await seedDemoLawsuits(t.yifa);
    // 规范性文件 in every state and the legal adviser's 合法性审查事项.
    await seedDemoNormative(t.yifa);
    // 政务公开: lists in every state, a 以案释法 published, catalog entries.
    await seedDemoOpenness(t.yifa);
    const odb = t.yifa.db.kysely as unknown as Kysely<Record<string, { id: string }>>;
    values.opennessListId = (await odb.selectFrom('openness_lists').select('id').execute()).map((r) => r.id);
    values.explanationId = (await odb.selectFrom('case_explanations').select('id').execute()).map((r) => r.id);
    values.catalogEntryId = (await odb.selectFrom('catalog_entries').select('id').execute()).map((r) => r.id);
    paths = Object.entries((await admin.get('/api/docs/json')).json().paths as Record<string, Record<string, unknown>>)
      .filter(([p, ops]) => 'get' in ops && p.startsWith('/api/v1/') && !NOT_CRAWLED.has(p))
      .map(([p]) => p);
    const db = t.yifa.db.kysely;
    const peopleRows = await db.selectFrom('people').select(['id', 'id_number', 'phone']).execute();
    cases = await db.selectFrom('penalty_cases').select(['id', 'region_path', 'created_by', 'officer_ids', 'state']).execute();
    const parties = cases.map((c) => (JSON.parse(c.state) as PenaltyCase).party);
    const requests = await db
      .selectFrom('procedure_cases')
      .select(['id', 'state'])
      .where('procedure', '=', 'information-request')
      .execute();
    const applicants = requests.map((r) => (JSON.parse(r.state!) as InformationRequest).applicant);
    const petitionRows = await db.selectFrom('procedure_cases').select(['id', 'state']).where('procedure', '=', 'petition').execute();
    const petitioners = petitionRows.flatMap((r) => (JSON.parse(r.state!) as Petition).petitioners);
    const reconsiderations = await db
      .selectFrom('procedure_cases')
      .select(['id', 'state'])
      .where('procedure', '=', 'reconsideration')
      .execute();
    const reconsiderationApplicants = reconsiderations.map((r) => (JSON.parse(r.state!) as Reconsideration).applicant);
    values.reconsiderationId = reconsiderations.slice(0, 3).map((r) => r.id);
    values.reconsiderationDocumentId = reconsiderations
      .slice(0, 3)
      .flatMap((r) => [`${r.id}|acceptance`, `${r.id}|answer-notice`, `${r.id}|decision`]);
    const lawsuits = await db.selectFrom('procedure_cases').select(['id', 'state']).where('procedure', '=', 'lawsuit').execute();
    values.lawsuitId = lawsuits.map((r) => r.id);
    values.lawsuitDocumentId = lawsuits.flatMap((r) => [`${r.id}|answer`, `${r.id}|evidence-list`]);
    secrets = {
      lawsuitPlaintiff: lawsuits
        .map((r) => (JSON.parse(r.state!) as Lawsuit).plaintiff)
        .flatMap((a) => [a.idNumber, a.phone, a.address])
        .filter((x): x is string => !!x && x.length >= 6),
      reconsiderationApplicant: reconsiderationApplicants
        .flatMap((a) => [a.idNumber, a.phone, a.address])
        .filter((x): x is string => !!x && x.length >= 6),
      personal: peopleRows.flatMap((p) => [p.id_number, p.phone]).filter((x): x is string => !!x),
      party: parties.flatMap((p) => [p.idNumber, p.phone, p.address]).filter((x): x is string => !!x && x.length >= 6),
      applicant: applicants.flatMap((a) => [a.idNumber, a.phone, a.email, a.address]).filter((x): x is string => !!x && x.length >= 6),
      petitioner: petitioners.flatMap((a) => [a.idNumber, a.phone, a.address]).filter((x): x is string => !!x && x.length >= 6),
      adminMediationParty: adminMediationSecrets,
      disputeParty: [
        '50024119800101001X',
        '500241198001010036',
        '500241198001010028',
        '500241198001010044',
        '13911112222',
        '13933334444',
        '妙泉村五组十八号',
        '妙泉村六组九号',
        '13955556666',
      ],
    };
    values.petitionId = petitionRows.slice(0, 3).map((r) => r.id);
    values.requestId = requests.slice(0, 3).map((r) => r.id);
    // Requests handed in on paper carry their scans (the demo attaches them).
    values.requestEvidence = requests
      .flatMap((r) => {
        const e = (JSON.parse(r.state!) as InformationRequest).evidence?.find((x) => x.file);
        return e ? [`${r.id}|${e.seq}|${e.file!.sha256}`] : [];
      })
      .slice(0, 2);
    // Ids to fill path parameters with: a handful of each kind, in and out of every scope.
    const withFiles = cases.filter((c) => (JSON.parse(c.state) as PenaltyCase).evidence.some((e) => e.file));
    const sample = [
      ...new Set([opened.json().id, ...withFiles.slice(0, 2).map((c) => c.id), cases.find((c) => JSON.parse(c.state).archivedOn)!.id]),
    ];
    values.caseId = sample;
    values.personId = [
      countyOfficer.id,
      ...people
        .filter((p) => p.regionId !== county.id)
        .slice(0, 2)
        .map((p) => p.id),
    ];
    values.agencyId = [...new Set(people.map((p) => p.agencyId))].slice(0, 3);
    values.uploadId = (await db.selectFrom('uploads').select('id').limit(2).execute()).map((u) => u.id);
    // Journal entries for the auditor's raw view: the sampled cases' and requests' first, a person's registration.
    const firstOf = (subjectIds: string[]) =>
      db
        .selectFrom('actions')
        .select((eb) => eb.fn.min('seq').as('seq'))
        .where('subject_id', 'in', subjectIds)
        .groupBy('subject_id')
        .execute();
    values.seq = [...(await firstOf(values.caseId!)), ...(await firstOf(values.requestId!)), ...(await firstOf([countyOfficer.id]))].map(
      (r) => String(r.seq),
    );
    const supervisor = await t.login('jiandu');
    values.normativeDocumentId = [];
    for (const [procedure, path, key] of [
      ['normative-document', 'normative-documents', 'normativeId'],
      ['legal-review', 'legal-reviews', 'legalReviewId'],
    ] as const) {
      const ids = (await db.selectFrom('procedure_cases').select('id').where('procedure', '=', procedure).limit(3).execute()).map(
        (r) => r.id,
      );
      values[key] = ids;
      for (const id of ids) {
        const docs = (await supervisor.get(`/api/v1/${path}/${id}/documents`)).json().items as { id: string }[];
        values.normativeDocumentId.push(...docs.slice(0, 2).map((d) => `${path}|${id}|${d.id}`));
      }
    }
    values.documentId = [];
    values.evidence = [];
    values.requestDocumentId = [];
    const clerk = await t.login('gongkai');
    values.petitionDocumentId = [];
    const petitionClerk = await t.login('xinfang');
    for (const id of values.petitionId) {
      const docs = (await petitionClerk.get(`/api/v1/petitions/${id}/documents`)).json().items as { id: string }[];
      values.petitionDocumentId.push(...docs.slice(0, 2).map((d) => `${id}|${d.id}`));
    }
    for (const id of values.requestId) {
      const docs = (await clerk.get(`/api/v1/information-requests/${id}/documents`)).json().items as { id: string }[];
      values.requestDocumentId.push(...docs.slice(0, 2).map((d) => `${id}|${d.id}`));
    }
    for (const id of sample) {
      const docs = (await supervisor.get(`/api/v1/penalty-cases/${id}/documents`)).json().items as { id: string }[];
      values.documentId.push(...docs.slice(0, 2).map((d) => `${id}|${d.id}`));
      const c = JSON.parse(cases.find((x) => x.id === id)!.state) as PenaltyCase;
      const file = c.evidence.find((e) => e.file);
      if (file) values.evidence.push(`${id}|${file.seq}|${file.file!.sha256}`);
    }
  }, 600_000);
  afterAll(async () => t.close());

  /** Every URL of a path pattern, its parameters filled from the sampled ids. */
  function urlsOf(pattern: string): string[] {
    const params = [...pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (params.length === 0) return [pattern];
    const fill = (p: string, map: Record<string, string>) => p.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(map[k]!));
    const key = params.join(',');
    const isCase = pattern.startsWith('/api/v1/penalty-cases/');
    if (key === 'villageId') return values.villageId!.map((villageId) => fill(pattern, { villageId }));
    if (key === 'id' && pattern.startsWith('/api/v1/village-rules/')) return values.villageRulesId!.map((id) => fill(pattern, { id }));
    if (key === 'id' && pattern.startsWith('/api/v1/village-meetings/')) return values.villageMeetingId!.map((id) => fill(pattern, { id }));
    if (key === 'id,documentId' && pattern.startsWith('/api/v1/village-'))
      return values
        .villageDocumentId!.filter((v) => pattern.startsWith(`/api/v1/${v.split('|')[0]}/`))
        .map((v) => {
          const [, id, documentId] = v.split('|');
          return fill(pattern, { id: id!, documentId: documentId! });
        });
    const normative = /^\/api\/v1\/(?:public\/)?(normative-documents|legal-reviews)\/\{/.exec(pattern)?.[1];
    if (normative) {
      const ids = normative === 'legal-reviews' ? values.legalReviewId! : values.normativeId!;
      if (key === 'id') return ids.map((id) => fill(pattern, { id }));
      if (key === 'id,documentId')
        return values
          .normativeDocumentId!.filter((v) => v.startsWith(`${normative}|`))
          .map((v) => {
            const [, id, documentId] = v.split('|');
            return fill(pattern, { id: id!, documentId: documentId! });
          });
      // Their records hold no files: a number and a hash that name none (404).
      if (key === 'id,seq' || key === 'id,seq,sha256') return ids.map((id) => fill(pattern, { id, seq: '0', sha256: '0'.repeat(64) }));
    }
    const isRequest = pattern.startsWith('/api/v1/information-requests/');
    const isDispute = pattern.startsWith('/api/v1/disputes/');
    if (pattern.startsWith('/api/v1/reconsiderations/{')) {
      if (key === 'id') return values.reconsiderationId!.map((id) => fill(pattern, { id }));
      if (key === 'id,documentId')
        return values.reconsiderationDocumentId!.map((v) => {
          const [id, documentId] = v.split('|');
          return fill(pattern, { id: id!, documentId: documentId! });
        });
      // The demo's reconsiderations hold no files: a number and a hash that name none (404).
      if (key === 'id,seq' || key === 'id,seq,sha256')
        return values.reconsiderationId!.map((id) => fill(pattern, { id, seq: '0', sha256: '0'.repeat(64) }));
    }
    if (pattern.startsWith('/api/v1/administrative-mediations/{')) {
      if (key === 'id') return values.adminMediationId!.map((id) => fill(pattern, { id }));
      if (key === 'id,documentId')
        return values.adminMediationDocumentId!.map((v) => {
          const [id, documentId] = v.split('|');
          return fill(pattern, { id: id!, documentId: documentId! });
        });
    }
    if (pattern.startsWith('/api/v1/lawsuits/{')) {
      if (key === 'id') return values.lawsuitId!.map((id) => fill(pattern, { id }));
      if (key === 'id,documentId')
        return values.lawsuitDocumentId!.map((v) => {
          const [id, documentId] = v.split('|');
          return fill(pattern, { id: id!, documentId: documentId! });
        });
    }
    if (key === 'id' && isDispute) return values.disputeId!.map((id) => fill(pattern, { id }));
    if (key === 'id' && pattern.startsWith('/api/v1/dispute-screenings/')) return values.screeningId!.map((id) => fill(pattern, { id }));
    if (key === 'id,documentId' && isDispute)
      return values.disputeDocumentId!.map((v) => {
        const [id, documentId] = v.split('|');
        return fill(pattern, { id: id!, documentId: documentId! });
      });
    if (key === 'id' && isCase) return values.caseId!.map((id) => fill(pattern, { id }));
    if (key === 'id' && isRequest) return values.requestId!.map((id) => fill(pattern, { id }));
    const isPetition = pattern.startsWith('/api/v1/petitions/');
    if (key === 'id' && isPetition) return values.petitionId!.map((id) => fill(pattern, { id }));
    if (key === 'id,documentId' && isPetition)
      return values.petitionDocumentId!.map((v) => {
        const [id, documentId] = v.split('|');
        return fill(pattern, { id: id!, documentId: documentId! });
      });
    if ((key === 'id,seq' || key === 'id,seq,sha256') && isRequest)
      return values.requestEvidence!.map((v) => {
        const [id, seq, sha256] = v.split('|');
        return fill(pattern, { id: id!, seq: seq!, sha256: sha256! });
      });
    if (key === 'id,documentId' && isRequest)
      return values.requestDocumentId!.map((v) => {
        const [id, documentId] = v.split('|');
        return fill(pattern, { id: id!, documentId: documentId! });
      });
    if (key === 'id' && pattern.startsWith('/api/v1/people/')) return values.personId!.map((id) => fill(pattern, { id }));
    if (key === 'id' && pattern.startsWith('/api/v1/enforcement/settings/')) return values.agencyId!.map((id) => fill(pattern, { id }));
    if (key === 'id' && pattern.startsWith('/api/v1/uploads/')) return values.uploadId!.map((id) => fill(pattern, { id }));
    if (key === 'id' && (pattern.startsWith('/api/v1/publications/') || pattern.startsWith('/api/v1/public/decisions/')))
      return values.publicationId!.map((id) => fill(pattern, { id }));
    if (key === 'id' && /^\/api\/v1\/(public\/)?openness\/lists\//.test(pattern))
      return values.opennessListId!.map((id) => fill(pattern, { id }));
    if (key === 'id' && /^\/api\/v1\/(public\/)?openness\/explanations\//.test(pattern))
      return values.explanationId!.map((id) => fill(pattern, { id }));
    if (key === 'id' && pattern.startsWith('/api/v1/public/openness/catalog/'))
      return values.catalogEntryId!.map((id) => fill(pattern, { id }));
    if (key === 'code' && pattern === '/api/v1/public/verify/{code}') return values.verifyCode!.map((code) => fill(pattern, { code }));
    if (key === 'token' && pattern === '/api/v1/public/certificates/{token}')
      return values.certificateToken!.map((token) => fill(pattern, { token }));
    if (key === 'rule') return [fill(pattern, { rule: 'penalty.hearing-request' })];
    if (key === 'year') return [fill(pattern, { year: '2026' })];
    if (key === 'seq' && pattern.startsWith('/api/v1/journal/actions/')) return values.seq!.map((seq) => fill(pattern, { seq }));
    if (key === 'id,documentId')
      return values.documentId!.map((v) => {
        const [id, documentId] = v.split('|');
        return fill(pattern, { id: id!, documentId: documentId! });
      });
    if (key === 'id,seq' || key === 'id,seq,sha256')
      return values.evidence!.map((v) => {
        const [id, seq, sha256] = v.split('|');
        return fill(pattern, { id: id!, seq: seq!, sha256: sha256! });
      });
    throw new Error(`the crawler does not know how to fill ${pattern}: teach urlsOf`);
  }

  it('every subject type in the journal has a read policy (none is withheld for want of one)', async () => {
    const types = await t.yifa.db.kysely.selectFrom('actions').select('subject_type').distinct().execute();
    for (const { subject_type } of types)
      expect(Object.keys(JOURNAL_READ_POLICIES), String(subject_type)).toContain(subject_type ?? NO_SUBJECT);
  });

  it('finds every GET route fillable', () => {
    expect(paths.length).toBeGreaterThan(20);
    // The crawl has reconsiderations and their applicants' particulars to look for.
    expect(values.reconsiderationId!.length).toBeGreaterThan(0);
    expect(secrets.reconsiderationApplicant.length).toBeGreaterThan(0);
    // And lawsuits with their plaintiffs' particulars.
    expect(values.lawsuitId!.length).toBeGreaterThan(0);
    expect(secrets.lawsuitPlaintiff.length).toBeGreaterThan(0);
    for (const p of paths) expect(urlsOf(p).length, p).toBeGreaterThan(0);
  });

  for (const user of DEMO_LOGINS) {
    it(`as ${user.username} (${user.roleName}) no response carries a personal field it may not see or a case outside its scope`, async () => {
      const c: Client = await t.login(user.username);
      const me = (await c.get('/api/v1/session')).json();
      const permissions = new Set<string>(me.permissions);
      const scope = { kind: me.dataScope.kind, regionPath: me.user.regionPath, userId: me.user.id, personId: me.user.personId };
      const forbidden: { what: string; values: string[] }[] = [];
      if (!permissions.has('person.personal-data')) forbidden.push({ what: '人员身份证号或电话', values: secrets.personal });
      if (!permissions.has('person.personal-data') && !permissions.has('penalty.party-data'))
        forbidden.push({ what: '当事人身份证号、电话或住址', values: secrets.party });
      if (!permissions.has('information-request.personal-data'))
        forbidden.push({ what: '政府信息公开申请人的身份证号、电话、邮箱或地址', values: secrets.applicant });
      if (!permissions.has('petition.personal-data')) forbidden.push({ what: '信访人的身份证号、电话或住址', values: secrets.petitioner });
      if (!permissions.has('mediation.personal-data'))
        forbidden.push({ what: '调解当事人的身份证号、电话或住址', values: secrets.disputeParty });
      if (!permissions.has('reconsideration.personal-data'))
        forbidden.push({ what: '行政复议申请人的身份证号、电话或住址', values: secrets.reconsiderationApplicant });
      if (!permissions.has('litigation.personal-data'))
        forbidden.push({ what: '行政诉讼原告的身份证号、电话或住所', values: secrets.lawsuitPlaintiff });
      if (!permissions.has('mediation.administrative'))
        forbidden.push({ what: '行政调解当事人的身份证号、电话或住址', values: secrets.adminMediationParty });
      // Cases outside the scope (as the case service decides: region, creator, or the user among the officers).
      const outside = cases.filter(
        (k) =>
          !inScope(scope, {
            regionPath: k.region_path,
            createdBy: k.created_by,
            personId: scope.personId && k.officer_ids.includes(`,${scope.personId},`) ? scope.personId : null,
          }),
      );
      let crawled = 0;
      for (const pattern of paths) {
        for (const url of urlsOf(pattern)) {
          for await (const res of pagesOf(c, url)) {
            expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
            if (res.statusCode !== 200) break;
            crawled++;
            const text = textOf(res);
            for (const f of forbidden) {
              const leaked = f.values.find((v) => text.includes(v));
              expect(leaked, `${user.username} GET ${url} carries ${f.what}`).toBeUndefined();
            }
            const foreign = outside.find((k) => text.includes(k.id));
            expect(foreign?.id, `${user.username} GET ${url} carries case ${foreign?.id} outside its scope`).toBeUndefined();
          }
        }
      }
      expect(crawled).toBeGreaterThan(3);
    });
  }
});
