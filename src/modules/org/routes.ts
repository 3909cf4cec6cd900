import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { legalDate, personalIdNumber } from '../../platform/http/schemas.js';
import { createRegion, listRegions } from './service/regions.js';
import { createAgency, createOffice, listAgencies, listOffices, updateAgency } from './service/agencies.js';
import { createPerson, getPerson, listPeople, updatePerson } from './service/people.js';
import { changeCertificate, createCertificate, listCertificates, publicCertificate } from './service/certificates.js';
import { createUser, listUsers, roleBookOf, updateUser } from './service/users.js';
import type { Role } from '../../platform/security/access.js';
import { DATA_SCOPES } from '../../platform/security/scope.js';
import { grantableRoles } from './grants.js';
import { ANNUAL_REVIEWS, CERTIFICATE_STATES, STANDINGS } from './certificates.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const id = z.string().min(1).max(64);
const idParams = z.strictObject({ id });
const agencyKind = z.enum(['statutory', 'entrusted', 'township']);
const dataScope = z.enum(['all', 'subtree', 'level', 'self']);
const annualReview = z.enum(['passed', 'pending', 'failed']);
const idNumber = personalIdNumber;
const phone = z.string().regex(/^[\d-]{7,20}$/, '电话号码格式不正确');

const agencyBody = z.strictObject({
  regionId: id,
  name: text(100),
  kind: agencyKind,
  legalBasis: text(2000),
  powers: z.array(text(200)).max(500),
  docPrefix: text(20),
});

const personBody = z.strictObject({
  name: text(50),
  agencyId: id,
  officeId: id.nullish(),
  regionId: id.nullish(),
  post: text(50),
  idNumber: idNumber.nullish(),
  phone: phone.nullish(),
  legalQualificationNo: optionalText(50),
  active: z.boolean().optional(),
});

const certificateBody = z
  .strictObject({
    personId: id,
    number: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, '执法证号只能包含字母、数字和连字符（4–40 位）'),
    field: text(50),
    area: text(100),
    issuedOn: legalDate,
    expiresOn: legalDate,
    annualReview,
    annualReviewYear: z.number().int().min(2000).max(2100).nullish(),
  })
  .refine((c) => c.expiresOn > c.issuedOn, { message: '有效期截止日期必须晚于发证日期', path: ['expiresOn'] });

const certificateChange = z.strictObject({
  state: z.enum(['valid', 'suspended', 'revoked']).optional(),
  annualReview: annualReview.optional(),
  annualReviewYear: z.number().int().min(2000).max(2100).nullish(),
  expiresOn: legalDate.optional(),
  field: text(50).optional(),
  area: text(100).optional(),
  reason: text(500),
});

export const orgRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['org'];
    // Every role of the installation, a module's too (the grant rules then say who may give which).
    const roleIds = yifa.access.roleIds as [Role, ...Role[]];
    const roleList = z.array(z.enum(roleIds)).min(1).max(roleIds.length);

    app.get('/org/dictionaries', { schema: { tags, summary: '角色、数据权限、证件状态等字典（含本人可授予的角色）' } }, async (req) => {
      const { auth } = await serviceRequest(yifa, req, 'org.read');
      return {
        roles: yifa.access.roleIds.map((r) => ({ id: r, name: yifa.access.roles[r], permissions: yifa.access.grantsOf(r) })),
        /** The roles this user may grant (grants.ts): the user form offers only these */
        grantableRoles: [...grantableRoles(auth.roles, roleBookOf(yifa))],
        permissions: yifa.access.permissions,
        dataScopes: DATA_SCOPES,
        agencyKinds: { statutory: '法定行政机关', entrusted: '受委托组织', township: '乡镇综合行政执法' },
        certificateStates: CERTIFICATE_STATES,
        annualReviews: ANNUAL_REVIEWS,
        standings: STANDINGS,
      };
    });

    app.get('/regions', { schema: { tags, summary: '行政区划（县—乡镇—村）' } }, async (req) => {
      await serviceRequest(yifa, req, 'org.read');
      const rows = await listRegions(yifa);
      return { items: rows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, name: r.name, code: r.code })) };
    });

    app.post(
      '/regions',
      {
        schema: {
          tags,
          summary: '新增下级区划',
          body: z.strictObject({
            parentId: id,
            name: text(50),
            code: z
              .string()
              .regex(/^\d{6,12}$/, '区划代码须为 6–12 位数字')
              .nullish(),
          }),
        },
      },
      async (req, reply) => {
        const r = await createRegion(yifa, await serviceRequest(yifa, req, 'org.manage'), req.body);
        return reply.status(201).send({ id: r.id, parentId: r.parent_id, level: r.level, name: r.name, code: r.code });
      },
    );

    app.get('/agencies', { schema: { tags, summary: '执法主体' } }, async (req) => {
      await serviceRequest(yifa, req, 'org.read');
      return { items: await listAgencies(yifa) };
    });

    app.post('/agencies', { schema: { tags, summary: '新增执法主体', body: agencyBody } }, async (req, reply) => {
      return reply.status(201).send(await createAgency(yifa, await serviceRequest(yifa, req, 'org.manage'), req.body));
    });

    app.patch(
      '/agencies/:id',
      { schema: { tags, summary: '修改执法主体', params: idParams, body: agencyBody.omit({ regionId: true }).partial() } },
      async (req) => {
        return updateAgency(yifa, await serviceRequest(yifa, req, 'org.manage'), req.params.id, req.body);
      },
    );

    app.get(
      '/offices',
      { schema: { tags, summary: '科室/站所', querystring: z.strictObject({ agencyId: id.optional() }) } },
      async (req) => {
        await serviceRequest(yifa, req, 'org.read');
        return { items: await listOffices(yifa, req.query.agencyId) };
      },
    );

    app.post(
      '/offices',
      { schema: { tags, summary: '新增科室/站所', body: z.strictObject({ agencyId: id, name: text(50) }) } },
      async (req, reply) => {
        return reply.status(201).send(await createOffice(yifa, await serviceRequest(yifa, req, 'org.manage'), req.body));
      },
    );

    app.get(
      '/people',
      {
        schema: {
          tags,
          summary: '人员（按数据权限过滤）',
          querystring: z.strictObject({ agencyId: id.optional(), q: z.string().max(50).optional(), ...pageQuery }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'org.read');
        return listPeople(yifa, r.auth, req.query);
      },
    );

    app.get('/people/:id', { schema: { tags, summary: '人员详情（含执法证）', params: idParams } }, async (req) => {
      return getPerson(yifa, await serviceRequest(yifa, req, 'org.read'), req.params.id);
    });

    app.post('/people', { schema: { tags, summary: '新增人员', body: personBody } }, async (req, reply) => {
      return reply.status(201).send(await createPerson(yifa, await serviceRequest(yifa, req, 'org.manage'), req.body));
    });

    app.patch('/people/:id', { schema: { tags, summary: '修改人员', params: idParams, body: personBody.partial() } }, async (req) => {
      return updatePerson(yifa, await serviceRequest(yifa, req, 'org.manage'), req.params.id, req.body);
    });

    app.get(
      '/certificates',
      {
        schema: {
          tags,
          summary: '执法证登记（attention = 90 日内到期或已过期；agencyId = 该执法主体人员的证件）',
          querystring: z.strictObject({
            agencyId: id.optional(),
            standing: z
              .enum(['attention', 'in-force', 'expiring', 'expired', 'not-yet-valid', 'suspended', 'revoked', 'review-failed'])
              .optional(),
            ...pageQuery,
          }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'org.read');
        return listCertificates(yifa, r.auth, req.query);
      },
    );

    // 亮证: a 执法证's QR code opens this, with no login; rate-limited per address like every public read.
    app.get(
      '/public/certificates/:token',
      {
        schema: {
          tags: ['public'],
          summary: '亮证：执法证二维码查验（姓名、执法主体、证号、执法类别和区域、今日是否有效；不含照片和个人信息）',
          params: z.strictObject({ token: z.string().min(1).max(64) }),
        },
        config: { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } },
      },
      async (req) => publicCertificate(yifa, req.params.token),
    );

    app.post('/certificates', { schema: { tags, summary: '登记执法证', body: certificateBody } }, async (req, reply) => {
      return reply.status(201).send(await createCertificate(yifa, await serviceRequest(yifa, req, 'certificate.manage'), req.body));
    });

    app.patch(
      '/certificates/:id',
      { schema: { tags, summary: '变更执法证（年审、暂扣、注销、延期）', params: idParams, body: certificateChange } },
      async (req) => {
        return changeCertificate(yifa, await serviceRequest(yifa, req, 'certificate.manage'), req.params.id, req.body);
      },
    );

    app.get('/users', { schema: { tags, summary: '用户', querystring: z.strictObject(pageQuery) } }, async (req) => {
      const r = await serviceRequest(yifa, req, 'user.manage');
      return listUsers(yifa, r.auth, req.query);
    });

    app.post(
      '/users',
      {
        schema: {
          tags,
          summary: '新增用户',
          body: z.strictObject({
            username: z.string().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名须为 3–32 位小写字母、数字或 _.-，以字母开头'),
            displayName: text(50),
            password: z.string().min(1).max(128),
            personId: id.nullish(),
            agencyId: id.nullish(),
            regionId: id,
            dataScope,
            roles: roleList,
          }),
        },
      },
      async (req, reply) => {
        return reply.status(201).send(await createUser(yifa, await serviceRequest(yifa, req, 'user.manage'), req.body));
      },
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: '修改用户（角色、数据权限、停用、重置密码）',
          params: idParams,
          body: z.strictObject({
            displayName: text(50).optional(),
            dataScope: dataScope.optional(),
            roles: roleList.optional(),
            active: z.boolean().optional(),
            password: z.string().min(1).max(128).optional(),
          }),
        },
      },
      async (req) => {
        return updateUser(yifa, await serviceRequest(yifa, req, 'user.manage'), req.params.id, req.body);
      },
    );
  };
