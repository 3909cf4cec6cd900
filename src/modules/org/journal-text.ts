/**
 * How the org module's journal entries read (src/journal/readable.ts): the Chinese title of
 * each, and what changed in a line. An update names the fields it changed, not their
 * values: the values are on the record's page, and personal ones stay there.
 */
import { fieldsOf, line, shorten, type ActionTexts } from '../../journal/readable.js';
import { DATA_SCOPES } from '../../platform/security/scope.js';
import { ANNUAL_REVIEWS, CERTIFICATE_STATES } from './certificates.js';
import { ROLES } from './roles.js';

const FIELD_NAMES: Record<string, string> = {
  name: '名称',
  displayName: '显示名称',
  post: '职务',
  idNumber: '身份证号',
  phone: '电话',
  officeId: '科室',
  agencyId: '执法主体',
  personId: '关联人员',
  legalQualificationNo: '法律职业资格证书编号',
  active: '在岗状态',
  roles: '角色',
  dataScope: '数据权限',
  state: '状态',
  annualReview: '年审',
  annualReviewYear: '年审年度',
  expiresOn: '有效期',
  field: '执法类别',
  area: '执法区域',
  powers: '职权',
  legalBasis: '法律依据',
  docPrefix: '文书字号',
  kind: '类别',
  passwordReset: '重置密码',
};

/** The fields a patch changed, by their Chinese names (those without one are not shown). */
function changedFields(payload: unknown, skip: readonly string[] = []): string {
  const names = Object.keys(fieldsOf(payload))
    .filter((k) => !skip.includes(k) && Object.hasOwn(FIELD_NAMES, k))
    .map((k) => FIELD_NAMES[k]);
  return names.length ? `修改：${names.join('、')}` : '';
}

const pick = <T extends Record<string, string>>(table: T, v: unknown) =>
  typeof v === 'string' && Object.hasOwn(table, v) ? table[v] : null;
const roleNames = (v: unknown) =>
  Array.isArray(v)
    ? v
        .map((r) => pick(ROLES, r))
        .filter(Boolean)
        .join('、')
    : null;

export const ORG_ACTION_TEXTS = {
  'org.region.create': { title: '新建区划', summary: ({ payload }) => line([['名称', fieldsOf(payload).name]]) },
  'org.agency.create': { title: '新建执法主体', summary: ({ payload }) => line([['名称', fieldsOf(payload).name]]) },
  'org.agency.update': { title: '修改执法主体', summary: ({ payload }) => changedFields(payload) },
  'org.office.create': { title: '新建科室', summary: ({ payload }) => line([['名称', fieldsOf(payload).name]]) },
  'org.person.create': {
    title: '登记人员',
    summary: ({ payload }) => {
      const p = fieldsOf(payload);
      return line([
        ['姓名', p.name],
        ['职务', p.post],
      ]);
    },
  },
  'org.person.update': { title: '修改人员信息', summary: ({ payload }) => changedFields(payload) },
  'org.person.read': { title: '查看人员个人信息', summary: () => '查看了身份证号、电话' },
  'org.certificate.create': {
    title: '登记执法证',
    summary: ({ payload }, names) => {
      const p = fieldsOf(payload);
      return line([
        ['持证人', typeof p.personId === 'string' ? names.person(p.personId) : null],
        ['证号', p.number],
        ['执法类别', p.field],
        ['有效期至', p.expiresOn],
      ]);
    },
  },
  'org.certificate.change': {
    title: '变更执法证',
    summary: ({ payload }) => {
      const p = fieldsOf(payload);
      return line([
        ['状态', pick(CERTIFICATE_STATES, p.state)],
        ['年审', pick(ANNUAL_REVIEWS, p.annualReview)],
        ['有效期至', p.expiresOn],
        ['原因', typeof p.reason === 'string' ? shorten(p.reason, 40) : null],
      ]);
    },
  },
  'org.user.create': {
    title: '新建用户',
    summary: ({ payload }) => {
      const p = fieldsOf(payload);
      return line([
        ['用户', p.displayName],
        ['角色', roleNames(p.roles)],
        ['数据权限', pick(DATA_SCOPES, p.dataScope)],
      ]);
    },
  },
  'org.user.update': {
    title: '修改用户',
    summary: ({ payload }) => {
      const p = fieldsOf(payload);
      return line([
        ['', changedFields(payload, ['passwordReset', 'roles', 'dataScope', 'active'])],
        ['角色', roleNames(p.roles)],
        ['数据权限', pick(DATA_SCOPES, p.dataScope)],
        ['账号', p.active === undefined ? null : p.active ? '启用' : '停用'],
        ['', p.passwordReset === true ? '重置了密码' : null],
      ]);
    },
  },
  'org.user.password-change': { title: '修改本人密码', summary: () => '' },
} as const satisfies ActionTexts;
