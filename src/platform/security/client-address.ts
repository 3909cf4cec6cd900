/**
 * The address a client is counted under when throttling. One IPv6 subscriber usually
 * holds a whole /64 (2^64 addresses), so counting IPv6 clients per address would let one
 * of them try without limit: they are counted by their /64. IPv4-mapped IPv6 addresses
 * (how a dual-stack socket reports IPv4 clients, ::ffff:192.0.2.1) count as the IPv4
 * address.
 */
import { isIPv4, isIPv6 } from 'node:net';

export function addressKey(ip: string): string {
  const address = ip.split('%')[0]!; // a zone index (fe80::1%eth0) names the interface, not the client
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return ip;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (:: expanded, a trailing dotted IPv4 part converted). */
function ipv6Groups(address: string): number[] {
  const [head, tail] = address.includes('::') ? (address.split('::') as [string, string]) : [address, undefined];
  const parse = (part: string | undefined): number[] => {
    if (!part) return [];
    return part.split(':').flatMap((g) => {
      if (!g.includes('.')) return [parseInt(g, 16)];
      const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const left = parse(head);
  const right = parse(tail);
  if (tail === undefined) return left;
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
