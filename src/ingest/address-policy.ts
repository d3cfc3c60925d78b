import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a fetch must not reach unless the user allows it: this host, the local network,
 * link-local and cloud metadata addresses, carrier-grade NAT, multicast and reserved space.
 */
const PRIVATE_V4: ReadonlyArray<readonly [string, number, string]> = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const PRIVATE_V6: ReadonlyArray<readonly [string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'unique local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
  ['2001:db8::', 32, 'documentation'],
  ['100::', 64, 'discard'],
];

const rangesV4 = PRIVATE_V4.map(([net, prefix, kind]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, 'ipv4');
  return { list, kind };
});
const rangesV6 = PRIVATE_V6.map(([net, prefix, kind]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, 'ipv6');
  return { list, kind };
});

/**
 * Why an IP address is not public (loopback, private, link-local, …), or null for a public one.
 * IPv4 addresses embedded in IPv6 (`::ffff:127.0.0.1`, NAT64 `64:ff9b::7f00:1`, 6to4) are
 * judged by the IPv4 address they carry.
 *
 * @example privateAddressKind('127.0.0.1') // 'loopback'
 * @example privateAddressKind('::ffff:10.1.2.3') // 'private'
 * @example privateAddressKind('93.184.216.34') // null
 */
export function privateAddressKind(address: string): string | null {
  const family = isIP(address);
  if (family === 4) return rangesV4.find((r) => r.list.check(address, 'ipv4'))?.kind ?? null;
  if (family !== 6) return 'not an IP address';
  const embedded = embeddedIpv4(address);
  if (embedded) return privateAddressKind(embedded);
  return rangesV6.find((r) => r.list.check(address, 'ipv6'))?.kind ?? null;
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated but still routed by some stacks)
  if (zeros(0, 5) && (groups[5] === 0xffff || (groups[5] === 0 && (groups[6] ?? 0) !== 0)))
    return v4(groups[6]!, groups[7]!);
  // 64:ff9b::a.b.c.d (NAT64 well-known prefix)
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6]!, groups[7]!);
  // 2002:aabb:ccdd::/48 (6to4)
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  return null;
}

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tail and zone id allowed). */
function expandIpv6(address: string): number[] | null {
  let text = address.replace(/%.*$/, '').toLowerCase();
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const parts = dotted[1]!.split('.').map(Number);
    const hex = `${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
    text = text.slice(0, -dotted[1]!.length) + hex;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = 8 - left.length - right.length;
  if (fill < 0 || (tail === undefined && fill !== 0)) return null;
  return [...left, ...new Array<number>(fill).fill(0), ...right];
}

/** A host that resolved to an address the fetcher may not reach. */
export interface RefusedHost {
  readonly address: string;
  readonly kind: string;
}

/**
 * Resolves a host name (every address, IPv4 and IPv6) and returns the first address that is not
 * public, or null when all are public. A literal IP is judged as is.
 *
 * @example await refusedAddress('localhost') // { address: '127.0.0.1', kind: 'loopback' }
 * @throws the resolver's error (ENOTFOUND, …) when the name does not resolve.
 */
export async function refusedAddress(host: string): Promise<RefusedHost | null> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(bare)
    ? [bare]
    : (await lookup(bare, { all: true, verbatim: true })).map((a) => a.address);
  for (const address of addresses) {
    const kind = privateAddressKind(address);
    if (kind) return { address, kind };
  }
  return null;
}
