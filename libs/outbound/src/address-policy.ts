import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Hosts an operator lets outbound fetches reach although they are not public (OUTBOUND_ALLOWED_HOSTS):
 * a host name (matched against the URL's host, whatever it resolves to), an IP address or a CIDR range
 * (matched against the address actually connected to).
 */
export interface AllowList {
  names: ReadonlySet<string>;
  ranges: ReadonlyArray<[Address, number]>;
}

export const NOTHING_ALLOWED: AllowList = { names: new Set(), ranges: [] };

const HOST_NAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** `a.school.local, 10.0.0.5, 10.20.0.0/16, ::1` → an allow list; a malformed entry is named in the error. */
export function parseAllowList(value: string | undefined): AllowList {
  const names = new Set<string>();
  const ranges: Array<[Address, number]> = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry.includes('/')) {
      try {
        const [range, bits] = ipaddr.parseCIDR(entry);
        ranges.push([normalise(range), range.kind() === 'ipv6' && isMapped(range) ? bits - 96 : bits]);
        continue;
      } catch {
        throw new Error(`«${raw.trim()}» is not a CIDR range`);
      }
    }
    const literal = entry.replace(/^\[(.*)\]$/, '$1');
    if (ipaddr.isValid(literal)) {
      const address = normalise(ipaddr.parse(literal));
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOST_NAME.test(hostKey(entry))) {
      names.add(hostKey(entry));
    } else {
      throw new Error(`«${raw.trim()}» is neither a host name nor an IP address`);
    }
  }
  return { names, ranges };
}

/** A host as compared: lower case, without the root's trailing dot (`Example.ORG.` is `example.org`). */
export function hostKey(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

export function isNameAllowed(host: string, allow: AllowList): boolean {
  return allow.names.has(hostKey(host));
}

/**
 * Only global unicast addresses are public. ipaddr.js names every special-purpose range (loopback, private,
 * link-local, carrier-grade NAT, unspecified, broadcast, multicast, documentation, benchmarking, reserved,
 * 6to4, Teredo, NAT64, unique-local…) and calls the rest `unicast`; for IPv6 we further require 2000::/3,
 * the only block IANA hands out, which also shuts out the deprecated site-local and IPv4-compatible forms.
 * An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = normalise(ipaddr.parse(address));
  if (parsed.range() !== 'unicast') return false;
  return parsed.kind() === 'ipv4' || parsed.match(GLOBAL_UNICAST_V6);
}

/** True when a fetch may connect to `address`: a public one, or one the operator allowed. */
export function isAddressAllowed(address: string, allow: AllowList): boolean {
  if (isPublicAddress(address)) return true;
  if (!ipaddr.isValid(address)) return false;
  const parsed = normalise(ipaddr.parse(address));
  return allow.ranges.some(
    ([range, bits]) => range.kind() === parsed.kind() && parsed.match(range as never, bits),
  );
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3') as [ipaddr.IPv6, number];

function isMapped(address: Address): boolean {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress();
}

/** `::ffff:127.0.0.1` is 127.0.0.1: one address, one verdict. */
function normalise(address: Address): Address {
  return isMapped(address) ? (address as ipaddr.IPv6).toIPv4Address() : address;
}
