/**
 * The party as an audience of his own publication (issue 13 §5: staff, the party and the public
 * are different audiences). With the 查验码 of his decision and the last 4 characters of the ID
 * number or phone the case holds for him, the party sees where his publication stands — pending
 * and by when, released and the last day it stays on the portal, withdrawn and why — what the
 * public sees or will see, and the account of what is kept from the public and on what ground,
 * manual redactions with their reasons included. Wrong factors are counted as the portal's other
 * second factors are (second-factor.ts); an unknown code gets the verify page's one answer.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { DomainError } from '../../platform/errors.js';
import { normaliseVerificationCode } from '../../platform/security/public-codes.js';
import { issuedByCode } from '../../procedure/documents/verification.js';
import { factorsOf, secondFactorSchema, verifySecondFactor } from '../../procedure/second-factor.js';
import type { PublicationFacts } from '../../procedure/spec.js';
import { addMonths } from '../../calendar/legal-date.js';
import { maskAccount, publicDecision, type Redaction } from './masks.js';
import { PUBLICATION_STATUSES, retentionOf, type PublicationStatus } from './service.js';
import { unknownCode } from './verify.js';

const notPublished = () =>
  new DomainError(
    'NOT_FOUND',
    '该文书没有公示记录：依法不予公开的决定不公示（《中华人民共和国政府信息公开条例》第十五条）；刚作出的决定约 1 分钟后列入公示事项，请稍后再查。',
  );

/** The publication of the decision a code names, with its facts, or NOT_FOUND. */
async function publicationOfCode(yifa: Yifa, typed: string) {
  const code = normaliseVerificationCode(typed);
  const d = code ? await issuedByCode(yifa.db.kysely, code) : undefined;
  if (!d) throw unknownCode();
  const rows = await yifa.db.kysely
    .selectFrom('publications')
    .selectAll()
    .where('subject_type', '=', d.subject_type)
    .where('subject_id', '=', d.case_id)
    .execute();
  const found = rows.map((row) => ({ row, facts: JSON.parse(row.facts) as PublicationFacts })).find((x) => x.facts.number === d.number);
  if (!found) throw notPublished();
  return found;
}

export async function partyView(yifa: Yifa, typed: string, given: string) {
  const { row, facts } = await publicationOfCode(yifa, typed);
  await verifySecondFactor(yifa, {
    id: row.id,
    factors: factorsOf([facts.party]),
    given,
    noFactor: '本案没有登记当事人的身份证件号码或联系电话，无法在线验证身份，请向作出决定的机关查询',
    tooMany: '验证失败次数过多，请明天再试，或向作出决定的机关查询',
  });
  const status = row.status as PublicationStatus;
  const months = (await retentionOf(yifa))[facts.party.kind];
  const redactions = JSON.parse(row.redactions) as Redaction[];
  const onPortalUntil = row.released_on ? addMonths(row.released_on, months) : null;
  // The public view's own status speaks of a released entry; the party's status is `publication`'s.
  const { status: _, statusName: __, ...shown } = publicDecision(row);
  return {
    publication: {
      status,
      statusName: PUBLICATION_STATUSES[status],
      dueOn: row.due_on,
      releasedOn: row.released_on,
      /** The last day it is shown by the display period in force (take-down by retention, service.ts publicRows) */
      onPortalUntil,
      onPortal: onPortalUntil !== null && onPortalUntil >= yifa.clock.today(),
      withdrawalDue: row.withdrawal_due,
      withdrawnOn: row.withdrawn_on,
    },
    /** What the public sees (or, pending, will see) */
    publicView: shown,
    account: maskAccount(facts, redactions),
  };
}

export const partyViewRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/public/verify/:code/party',
      {
        schema: {
          tags: ['public'],
          summary:
            '当事人查看本人的行政执法决定公示：公示状态与期限、公众所见内容、各项个人信息的处理方式及依据（凭查验码和身份证号或电话后 4 位）',
          params: z.strictObject({ code: z.string().min(1).max(32) }),
          body: z.strictObject({ verify: secondFactorSchema }),
        },
        config: { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } },
      },
      async (req) => partyView(yifa, req.params.code, req.body.verify),
    );
  };
