/**
 * A petition routed into a 依申请公开 request (信访工作条例 Art 31; the kit's links.ts): the
 * request is registered in the routing action's transaction, from the first petitioner and
 * the request, received the day of the routing, tracked by the petition's own tracking code,
 * and naming the petition it came from (the gate checks that petition names it).
 */
import { actingAs, type LinkReceiver } from '../../procedure/links.js';
import { openLinkedRecord } from '../../procedure/service.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';
import { INFORMATION_REQUESTS } from './procedure.js';

/** The petition's channel as a request's: a letter stays a letter, online stays online; a visit or a call is written down at the counter. */
const CHANNEL_OF: Record<string, 'online' | 'letter' | 'counter'> = { online: 'online', letter: 'letter' };

export const REQUEST_RECEIVER: LinkReceiver = {
  route: 'disclosure',
  async open(yifa, req, within, x) {
    const first = x.persons[0];
    // Registered by the routing official in the clerk's part of the table, as the 信访 office forwards it.
    const asClerk = actingAs(req, 'disclosure_clerk');
    await openLinkedRecord(yifa, asClerk, INFORMATION_REQUESTS, within, { id: x.id, agencyId: x.agencyId }, 'information-request.submit', {
      channel: CHANNEL_OF[x.channel] ?? 'counter',
      receivedOn: x.from.on,
      applicant: {
        kind: 'citizen',
        name: first?.name ?? '',
        idNumber: first?.idNumber ?? '',
        phone: first?.phone ?? null,
        email: null,
        address: first?.address ?? null,
      },
      description: x.matter,
      form: 'either',
      trackingHash: x.trackingHash ?? trackingHashOf(newTrackingCode()),
      linkedFrom: x.from,
    });
  },
};
