/**
 * A petition routed into a 案源 (信访工作条例 Art 31; the kit's links.ts): the case is registered
 * in the routing action's transaction as a 信访转办 source, received the day of the routing, about
 * the unit or person the petition complains of, in the 执法类别 the router named, and naming the
 * petition it came from (the gate checks that petition names it). 立案 is then the officers'
 * decision like any other source's (行政处罚法 Art 54).
 */
import { actingAs, type LinkReceiver } from '../../procedure/links.js';
import { openCaseWithin } from './service/cases.js';

/** The 案源情况 as the officers read it: what was asked, then the facts given. */
const SUMMARY_MAX = 2000;

export const CASE_SOURCE_RECEIVER: LinkReceiver<'penalty'> = {
  route: 'penalty',
  async open(yifa, req, within, x) {
    // Registered by the routing official as the enforcement office's 案源登记, the 信访 office handing it over.
    const asOfficer = actingAs(req, 'officer');
    const { party, field } = x.details;
    await openCaseWithin(
      yifa,
      asOfficer,
      within,
      { id: x.id, agencyId: x.agencyId },
      {
        source: {
          kind: 'petition',
          summary: `${x.matter}\n${x.facts}`.slice(0, SUMMARY_MAX),
          receivedOn: x.from.on,
        },
        party: {
          kind: party.kind,
          name: party.name,
          idNumber: party.idNumber,
          address: party.address,
          phone: party.phone,
          representative: null,
        },
        field,
        linkedFrom: x.from,
      },
    );
  },
};
