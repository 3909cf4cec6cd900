/**
 * The roles (PRODUCT.md "Who uses it"). Each module's manifest grants its permissions to
 * them; the composition root gathers the grants into one table (yifa.access). The server
 * is the authority; the web app only hides what the capability list does not contain.
 */
import type { Role } from '../../platform/security/access.js';

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
  // The villages module grants its permissions; named here so the 系统管理员 can grant it (grants.ts) like every other role.
  village_clerk: '村委会文书',
} as const;

export const ROLE_IDS = Object.keys(ROLES) as [Role, ...Role[]];
