/** The published decisions as an Atom feed (RFC 4287): what the public list shows, nothing more. */
import { CATEGORY_LABELS, type PublicDecision } from './masks.js';

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

function entry(d: PublicDecision, origin: string): string {
  const labels = CATEGORY_LABELS[d.category];
  const title = `${d.number ?? labels.decision}（${d.agency.name}）${d.status === 'withdrawn' ? '［已撤回］' : ''}`;
  const summary =
    d.status === 'withdrawn'
      ? `已撤回（${d.withdrawal?.kindName ?? ''}）：${d.withdrawal?.reason ?? ''}`
      : `决定类别：${d.categoryName}；当事人：${d.party.name}；违法行为：${d.violationType}；${labels.conclusion}：${d.penalty}；依据：${d.basis}；决定日期：${d.decidedOn}`;
  const link = `${origin}/portal/decisions/${d.id}`;
  return [
    '<entry>',
    `<id>urn:uuid:${d.id}</id>`,
    `<title>${xml(title)}</title>`,
    `<link rel="alternate" href="${xml(link)}"/>`,
    `<updated>${d.withdrawal?.on ?? d.releasedOn ?? d.decidedOn}T00:00:00+08:00</updated>`,
    `<summary>${xml(summary)}</summary>`,
    '</entry>',
  ].join('');
}

export function atomFeed(items: readonly PublicDecision[], origin: string, now: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${xml(origin)}/api/v1/public/decisions.atom</id>`,
    '<title>行政执法决定公示</title>',
    `<link rel="self" href="${xml(origin)}/api/v1/public/decisions.atom"/>`,
    `<link rel="alternate" href="${xml(origin)}/portal/decisions"/>`,
    `<updated>${now}</updated>`,
    '<author><name>行政执法公示</name></author>',
    ...items.map((d) => entry(d, origin)),
    '</feed>',
  ].join('\n');
}
