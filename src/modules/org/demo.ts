/**
 * The demo town: 妙泉镇, 秀山土家族苗族自治县 (PRODUCT.md "The demo town"), built from
 * the seed report's facts through the same journaled use cases a user would run.
 * People's names are invented and obviously so (张某某); village names are illustrative.
 */
import { randomUUID } from 'node:crypto';
import type { Yifa } from '../../platform/yifa.js';
import { addDays } from '../../calendar/legal-date.js';
import { SYSTEM_ACTOR } from '../../journal/journal.js';
import { createRegion } from './service/regions.js';
import { createAgency, createOffice } from './service/agencies.js';
import { createPerson, type PersonInput } from './service/people.js';
import { createCertificate } from './service/certificates.js';
import { createUser } from './service/users.js';
import { ROLES } from './roles.js';
import type { AccessTable, Role } from '../../platform/security/access.js';
import type { DemoLogin } from '../../platform/module.js';
import type { AuthContext, Request } from '../../platform/security/request.js';
import type { DataScope } from '../../platform/db/schema.js';
import { withIdCheckChar } from '../../platform/identity/numbers.js';

export const DEMO_LOGINS = [
  { username: 'admin', role: 'admin', roleName: ROLES.admin },
  { username: 'zhifa1', role: 'officer', roleName: ROLES.officer },
  { username: 'zhifa2', role: 'officer', roleName: ROLES.officer },
  { username: 'fuzeren', role: 'unit_head', roleName: ROLES.unit_head },
  { username: 'fazhi', role: 'legal_reviewer', roleName: ROLES.legal_reviewer },
  { username: 'sifasuo', role: 'justice_office', roleName: ROLES.justice_office },
  { username: 'tiaojie', role: 'mediator', roleName: ROLES.mediator },
  { username: 'xinfang', role: 'petition_clerk', roleName: ROLES.petition_clerk },
  { username: 'gongkai', role: 'disclosure_clerk', roleName: ROLES.disclosure_clerk },
  { username: 'jiandu', role: 'supervisor', roleName: ROLES.supervisor },
  { username: 'cunwei', role: 'village_clerk', roleName: `${ROLES.village_clerk}（妙泉村）` },
] as const satisfies readonly DemoLogin[];

const MIAOQUAN_VILLAGES = [
  '妙泉村',
  '贵塘村',
  '大田村',
  '三坝村',
  '苗坝村',
  '凉桥村',
  '高楼村',
  '金竹村',
  '茶园村',
  '新民村',
  '龙池村',
  '红岩村',
  '双河村',
  '平阳村',
];

const TOWN_POWERS = [
  '对违法建设的行政处罚',
  '对违反农村村民住宅建设管理规定的行政处罚',
  '对乱堆乱放、违规设置围栏篱笆的行政处罚',
  '对违反森林防火规定野外用火的行政处罚',
  '对违反安全生产规定的行政处罚（乡镇赋权事项）',
  '对违反市容环境卫生管理规定的行政处罚',
];

const COUNTY_AGENCIES = [
  {
    key: 'zhujian',
    name: '秀山县住房和城乡建设委员会',
    prefix: '秀住建',
    field: '城乡建设',
    powers: ['对违反建筑市场管理规定的行政处罚', '对违反城镇燃气管理规定的行政处罚', '建设工程质量安全监督检查'],
  },
  {
    key: 'huanjing',
    name: '秀山县生态环境局',
    prefix: '秀环',
    field: '生态环境',
    powers: ['对违法排放污染物的行政处罚', '查封、扣押造成污染物排放的设施设备', '环境影响评价违法行为的行政处罚'],
  },
  {
    key: 'yingji',
    name: '秀山县应急管理局',
    prefix: '秀应急',
    field: '应急管理',
    powers: ['对生产经营单位安全生产违法行为的行政处罚', '对危险化学品经营违法行为的行政处罚', '安全生产监督检查'],
  },
  {
    key: 'gongan',
    name: '秀山县公安局',
    prefix: '秀公',
    field: '治安管理',
    powers: ['对违反治安管理行为的行政处罚', '行政拘留', '对赌博行为的行政处罚'],
  },
] as const;

const SURNAMES = [
  '张',
  '李',
  '王',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
];

function systemAuth(access: AccessTable, userId: string, regionPath: string): AuthContext {
  const roles: Role[] = ['admin'];
  return {
    sessionId: 'demo-seed',
    csrfToken: '',
    user: { id: userId, username: 'admin', displayName: '系统管理员', personId: null, agencyId: null, regionId: '', regionPath },
    roles,
    permissions: access.permissionsOf(roles),
    scope: { kind: 'all', regionPath, userId, personId: null },
    actor: { userId, role: 'admin', agencyId: null },
  };
}

/** Whether an org tree is already there (the demo loads only into an empty database). */
export async function demoTownPresent(yifa: Yifa): Promise<boolean> {
  return Boolean(await yifa.db.kysely.selectFrom('regions').select('id').limit(1).executeTakeFirst());
}

/** Seeds the town into an empty database; every demo login gets `password`. */
export async function seedDemoTown(yifa: Yifa, opts: { password: string }): Promise<void> {
  const { password } = opts;
  const today = yifa.clock.today();

  // The county, created as the CLI does on an empty installation.
  const countyId = randomUUID();
  const county = {
    id: countyId,
    parent_id: null,
    level: 'county' as const,
    name: '秀山土家族苗族自治县',
    code: '500241',
    path: `/${countyId}/`,
    created_at: yifa.clock.now().toISOString(),
  };
  await yifa.journal.perform(
    { type: 'org.region.create', actor: SYSTEM_ACTOR, subject: { type: 'region', id: countyId, regionPath: county.path }, payload: county },
    async (trx) => {
      await trx.insertInto('regions').values(county).execute();
      return county;
    },
  );
  const admin = await createUser(yifa, null, {
    username: 'admin',
    displayName: '系统管理员（县司法局）',
    password,
    regionId: countyId,
    dataScope: 'all',
    roles: ['admin'],
  });
  const req: Request = { auth: systemAuth(yifa.access, admin.id, county.path), idempotencyKey: null, denied: async () => {} };

  const town = await createRegion(yifa, req, { parentId: countyId, name: '妙泉镇' });
  const villageIds: (typeof town.id)[] = [];
  for (const v of MIAOQUAN_VILLAGES) villageIds.push((await createRegion(yifa, req, { parentId: town.id, name: v })).id);
  const otherTown = await createRegion(yifa, req, { parentId: countyId, name: '清溪场镇' });
  for (const v of ['清溪村', '大寨村']) await createRegion(yifa, req, { parentId: otherTown.id, name: v });

  const townGov = await createAgency(yifa, req, {
    regionId: town.id,
    name: '秀山县妙泉镇人民政府',
    kind: 'township',
    docPrefix: '妙泉',
    powers: TOWN_POWERS,
    legalBasis: '《中华人民共和国行政处罚法》第二十四条；《重庆市赋予乡镇（街道）部分县级行政执法权限目录》',
  });
  const offices: Record<string, string> = {};
  for (const o of ['党政办', '司法所', '平安建设办', '财政所', '综合行政执法办公室'])
    offices[o] = (await createOffice(yifa, req, { agencyId: townGov.id, name: o })).id;
  const otherGov = await createAgency(yifa, req, {
    regionId: otherTown.id,
    name: '秀山县清溪场镇人民政府',
    kind: 'township',
    docPrefix: '清溪',
    powers: TOWN_POWERS.slice(0, 3),
    legalBasis: '《中华人民共和国行政处罚法》第二十四条',
  });
  const justice = await createAgency(yifa, req, {
    regionId: countyId,
    name: '秀山县司法局',
    kind: 'statutory',
    docPrefix: '秀司',
    powers: ['行政执法监督', '行政执法证件管理', '行政复议'],
    legalBasis: '《重庆市行政执法监督条例》',
  });
  const county_agencies: Record<string, { id: string; prefix: string; field: string }> = {};
  for (const a of COUNTY_AGENCIES) {
    const created = await createAgency(yifa, req, {
      regionId: countyId,
      name: a.name,
      kind: 'statutory',
      docPrefix: a.prefix,
      powers: [...a.powers],
      legalBasis: `《中华人民共和国行政处罚法》第十八条；${a.name}“三定”规定`,
    });
    county_agencies[a.key] = { id: created.id, prefix: a.prefix, field: a.field };
  }

  let n = 0;
  const nextName = () => `${SURNAMES[n++ % SURNAMES.length]}某某`;
  let certNo = 100;
  const addPerson = async (agencyId: string, post: string, extra: Partial<PersonInput> = {}) => {
    const name = nextName();
    const p = await createPerson(yifa, req, {
      name,
      agencyId,
      post,
      phone: `1380000${String(1000 + n).slice(-4)}`,
      idNumber: withIdCheckChar(`50024119${80 + (n % 20)}0${(n % 9) + 1}01${String(1000 + n).slice(-3)}`),
      ...extra,
    });
    return { id: p.id, name };
  };
  const certify = async (
    personId: string,
    field: string,
    area: string,
    issuedOn: string,
    expiresOn: string,
    annualReview: 'passed' | 'pending' = 'passed',
  ) =>
    createCertificate(yifa, req, {
      personId,
      number: `CQ500241${String(certNo++).padStart(5, '0')}`,
      field,
      area,
      issuedOn,
      expiresOn,
      annualReview,
      annualReviewYear: 2026,
    });

  // 妙泉镇: seven officers, two of them expiring within 90 days and one expired.
  const townOfficers = [];
  const townExpiry = [addDays(today, 40), addDays(today, 75), addDays(today, -20), '2029-06-30', '2029-06-30', '2028-12-31', '2028-12-31'];
  for (const [i, expiresOn] of townExpiry.entries()) {
    const p = await addPerson(townGov.id, i === 0 ? '综合行政执法办公室主任' : '综合行政执法队员', {
      officeId: offices['综合行政执法办公室'],
    });
    const issuedOn = expiresOn < '2027-01-01' ? addDays(expiresOn, -365 * 3) : '2024-07-01';
    await certify(p.id, '综合行政执法', '秀山县妙泉镇', issuedOn, expiresOn, i === 2 ? 'pending' : 'passed');
    townOfficers.push(p);
  }
  const townHead = await addPerson(townGov.id, '镇长', { officeId: offices['党政办'] });
  await certify(townHead.id, '综合行政执法', '秀山县妙泉镇', '2024-03-01', '2029-02-28');
  const adviser = await addPerson(townGov.id, '法律顾问（常年聘请）', {
    officeId: offices['司法所'],
    legalQualificationNo: 'A20165002410123',
  });
  const justiceStaff = await addPerson(townGov.id, '司法所所长', { officeId: offices['司法所'], legalQualificationNo: null });
  const mediatorPerson = await addPerson(townGov.id, '镇人民调解委员会调解员', { officeId: offices['司法所'] });
  const petitionPerson = await addPerson(townGov.id, '信访办干部', { officeId: offices['平安建设办'] });

  // County departments: two officers each.
  for (const a of Object.values(county_agencies)) {
    for (let i = 0; i < 2; i++) {
      const p = await addPerson(a.id, '执法人员');
      await certify(p.id, a.field, '秀山土家族苗族自治县', '2023-09-01', i === 0 ? '2028-08-31' : '2027-08-31');
    }
  }
  const supervisorPerson = await addPerson(justice.id, '执法监督科科长', { legalQualificationNo: 'A20185002410456' });
  await certify(supervisorPerson.id, '行政执法监督', '秀山土家族苗族自治县', '2023-09-01', '2028-08-31');
  // The neighbouring town: its records are outside 妙泉镇 users' scope.
  for (let i = 0; i < 2; i++) {
    const p = await addPerson(otherGov.id, '综合行政执法队员');
    await certify(p.id, '综合行政执法', '秀山县清溪场镇', '2024-01-01', '2028-12-31');
  }

  const townUser = async (
    username: string,
    displayName: string,
    role: Role,
    personId: string | null,
    scope: DataScope,
    regionId = town.id,
    agencyId: string | null = townGov.id,
  ) => createUser(yifa, req, { username, displayName, password, personId, agencyId, regionId, dataScope: scope, roles: [role] });
  await townUser('zhifa1', `${townOfficers[3]!.name}（执法队员）`, 'officer', townOfficers[3]!.id, 'level');
  await townUser('zhifa2', `${townOfficers[4]!.name}（执法队员）`, 'officer', townOfficers[4]!.id, 'level');
  await townUser('fuzeren', `${townHead.name}（镇长）`, 'unit_head', townHead.id, 'subtree');
  await townUser('fazhi', `${adviser.name}（法律顾问）`, 'legal_reviewer', adviser.id, 'subtree');
  await townUser('sifasuo', `${justiceStaff.name}（司法所）`, 'justice_office', justiceStaff.id, 'subtree');
  await townUser('tiaojie', `${mediatorPerson.name}（调解员）`, 'mediator', mediatorPerson.id, 'subtree');
  await townUser('xinfang', `${petitionPerson.name}（信访干部）`, 'petition_clerk', petitionPerson.id, 'level');
  // Added last, so the people above keep their generated names and numbers.
  const disclosurePerson = await addPerson(townGov.id, '党政办政务公开干部', { officeId: offices['党政办'] });
  await townUser('gongkai', `${disclosurePerson.name}（政务公开）`, 'disclosure_clerk', disclosurePerson.id, 'level');
  await townUser(
    'jiandu',
    `${supervisorPerson.name}（县司法局执法监督）`,
    'supervisor',
    supervisorPerson.id,
    'subtree',
    countyId,
    justice.id,
  );
  // 妙泉村's committee clerk: his scope is his village (the villages module's records).
  await townUser('cunwei', '田某某（妙泉村村委会文书）', 'village_clerk', null, 'subtree', villageIds[0]!);

  await yifa.journal.checkpoint();
}
