/**
 * The demo's publications: the demo penalty cases' decisions, projected, then released by the
 * head a few days after each decision (as he would, on that day's clock), one withdrawn after
 * its decision was revoked on reconsideration, one left overdue and the newest still within
 * its 7 working days.
 */
import type { Yifa } from '../../platform/yifa.js';
import { addDays } from '../../calendar/legal-date.js';
import { contextOfUser } from '../org/sessions.js';
import type { Request } from '../../platform/security/request.js';
import { syncPublications } from './sync.js';
import { releasePublication, withdrawPublication } from './service.js';

/** The earlier of two legal dates (YYYY-MM-DD sorts as it reads). */
const earlier = (a: string, b: string) => [a, b].sort()[0]!;

export async function seedDemoPublications(yifa: Yifa): Promise<void> {
  await syncPublications(yifa);
  const as = async (u: string): Promise<Request> => ({ auth: await contextOfUser(yifa, u), denied: async () => {} });
  const head = await as('fuzeren');
  const rows = await yifa.db.kysely
    .selectFrom('publications')
    .select(['id', 'key', 'decided_on', 'due_on', 'party_kind', 'withdrawal_due'])
    .where('status', '=', 'pending')
    .orderBy('decided_on', 'desc')
    .orderBy('id')
    .execute();
  const today = yifa.clock.today();
  const realTime = yifa.clock.source;
  const at = (date: string) => () => new Date(`${date}T15:00:00+08:00`);
  // The newest within its deadline stays pending; the first decision already past its due date stays overdue.
  const overdue = rows.find((r) => r.due_on < today);
  // A decision changed since (the case records a 复议 result) is not released: it waits to be withdrawn.
  const toRelease = rows.filter((r, i) => i > 0 && r !== overdue && !r.withdrawal_due);
  try {
    for (const r of toRelease) {
      const on = earlier(addDays(r.decided_on, 2), today);
      yifa.clock.source = at(on);
      await releasePublication(yifa, head, r.id);
    }
    // The oldest natural person's decision: revoked on reconsideration, withdrawn within 3 working days.
    const revoked = [...toRelease].reverse().find((r) => r.party_kind === 'natural' && r.key === 'decision');
    if (revoked) {
      const on = earlier(addDays(revoked.decided_on, 40), today);
      yifa.clock.source = at(on);
      await withdrawPublication(yifa, head, revoked.id, { kind: 'revoked', reason: '经行政复议，该决定被复议机关撤销' });
    }
  } finally {
    yifa.clock.source = realTime;
  }
}
