/**
 * Roles (PRODUCT.md "Who uses it") and what each may do. Exhaustive: a new role does
 * not compile until its permissions are listed here. The server is the authority;
 * the web app only hides what the capability list does not contain.
 */
export const ROLES = {
  admin: '系统管理员',
  officer: '执法人员',
  unit_head: '承办机构负责人/机关负责人',
  legal_reviewer: '法制审核人员',
  justice_office: '司法所工作人员',
  mediator: '人民调解员',
  petition_clerk: '信访干部',
  disclosure_clerk: '政府信息公开工作人员',
  supervisor: '县司法局执法监督',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as [Role, ...Role[]];

export const PERMISSIONS = {
  'org.read': '查看组织机构与人员',
  'org.manage': '维护区划、执法主体、科室与人员',
  'certificate.manage': '管理执法证与法律职业资格',
  'user.manage': '管理用户、角色与数据权限',
  'calendar.manage': '维护节假日与调休表',
  'journal.read': '查看操作日志（日志链）',
  'login-log.read': '查看登录日志',
  'person.personal-data': '查看身份证号、电话等个人信息',
  'penalty.read': '查看行政处罚案件',
  'penalty.party-data': '查看案件当事人的身份证号（统一社会信用代码）、电话和住址',
  // Who may take each step of a case (登记 … 归档, 法制审核 included) is the action table's
  // roles (enforcement/workflow.ts), not a permission; this one covers the case's evidence.
  'penalty.act': '处理案件证据（遮盖、共享及撤销共享）',
  'enforcement.settings': '维护法制审核目录、裁量基准等执法设置',
  'evidence.upload': '上传证据材料（音视频、照片、扫描件）',
  'information-request.read': '查看、办理政府信息公开申请',
  'information-request.personal-data': '查看政府信息公开申请人的身份证号、电话、邮箱和地址',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ROLE_PERMISSIONS = {
  admin: ['org.read', 'org.manage', 'certificate.manage', 'user.manage', 'calendar.manage', 'journal.read', 'login-log.read', 'person.personal-data', 'enforcement.settings'],
  officer: ['org.read', 'penalty.read', 'penalty.party-data', 'penalty.act', 'evidence.upload'],
  unit_head: ['org.read', 'journal.read', 'penalty.read', 'penalty.party-data', 'penalty.act', 'enforcement.settings', 'evidence.upload', 'information-request.read', 'information-request.personal-data'],
  legal_reviewer: ['org.read', 'penalty.read', 'penalty.party-data'],
  justice_office: ['org.read', 'journal.read'],
  mediator: ['org.read'],
  petition_clerk: ['org.read'],
  disclosure_clerk: ['org.read', 'information-request.read', 'information-request.personal-data'],
  // Supervision (执法监督) reviews whole case files, parties included.
  supervisor: ['org.read', 'journal.read', 'login-log.read', 'penalty.read', 'penalty.party-data', 'information-request.read'],
} as const satisfies Record<Role, readonly Permission[]>;

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function isRole(s: string): s is Role {
  return Object.prototype.hasOwnProperty.call(ROLES, s);
}
