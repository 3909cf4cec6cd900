/**
 * A petition routed into 人民调解 (信访工作条例 Art 31; 人民调解法 Art 18; the kit's links.ts): the
 * dispute is registered in the routing action's transaction with the agency's 乡镇人民调解委员会,
 * referred by the 信访部门, between the petitioner and the other party the router named, and
 * naming the petition it came from (the gate checks that petition names it). The committee then
 * asks both parties whether they agree to mediation (Art 17) like any dispute's.
 */
import { DomainError } from '../../platform/errors.js';
import { actingAs, type LinkReceiver } from '../../procedure/links.js';
import { openLinkedRecord } from '../../procedure/service.js';
import { tablesOf } from './committees.js';
import { CITE, type Category } from './law.js';
import { DISPUTES } from './procedure.js';

/**
 * The dispute's category from the petition's words (its category first, then its request): the
 * first row whose words appear. A first classification, as the 信访 office would file it.
 */
const CATEGORY_BY_WORDS: readonly [RegExp, Category][] = [
  [/征地|拆迁|征收/, 'expropriation'],
  [/宅基地|房屋/, 'homestead'],
  [/土地|承包|复垦|山林|林地/, 'land'],
  [/劳动|工资|社会保障|社保/, 'labour'],
  [/环境|污染|噪声/, 'environment'],
  [/婚姻|家庭|赡养|抚养/, 'family'],
  [/邻里|相邻/, 'neighbour'],
  [/合同|欠款|借款/, 'contract'],
];
export const categoryOfWords = (...texts: string[]): Category =>
  texts.map((t) => CATEGORY_BY_WORDS.find(([words]) => words.test(t))?.[1]).find(Boolean) ?? 'other';

export const DISPUTE_RECEIVER: LinkReceiver<'mediation'> = {
  route: 'mediation',
  async open(yifa, req, within, x) {
    const committee = await tablesOf(within.trx)
      .selectFrom('mediation_committees')
      .select(['id'])
      .where('agency_id', '=', x.agencyId)
      .where('kind', '=', 'town')
      .orderBy('name')
      .executeTakeFirst();
    if (!committee)
      throw new DomainError('GATE_REFUSED', '本单位没有登记乡镇人民调解委员会，不能转入人民调解', { citation: CITE.referral });
    const first = x.persons[0];
    if (!first?.idNumber)
      throw new DomainError('GATE_REFUSED', '转入人民调解须有信访人的身份证号码（调解协议书载明当事人身份），该信访事项未登记', {
        citation: CITE.agreement,
      });
    // Registered by the routing official as the 信访部门's referral, in the mediators' part of the table.
    const asReferrer = actingAs(req, 'mediator');
    await openLinkedRecord(yifa, asReferrer, DISPUTES, within, { id: x.id, agencyId: x.agencyId }, 'dispute.register', {
      committeeId: committee.id,
      registeredOn: x.from.on,
      source: 'referral',
      referredBy: 'petition',
      category: categoryOfWords(x.topic, x.matter),
      partyA: { kind: 'citizen', name: first.name, idNumber: first.idNumber, phone: first.phone, address: first.address },
      partyB: { ...x.details.otherParty },
      facts: x.facts,
      points: x.matter,
      linkedFrom: x.from,
    });
  },
};
