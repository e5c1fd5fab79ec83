/**
 * Who is on the other end: the one rule HTTP requests and Socket.IO handshakes share.
 *
 * The peer of the TCP connection is the client unless it is one of the trusted proxies
 * (TRUSTED_PROXIES, a list of CIDRs). Then X-Forwarded-For is read from the right: each proxy
 * appends the address it received the request from, so the right-most address that is not a
 * trusted proxy is the client. Whatever a client writes into the header itself sits to the left
 * of that and is never used; a request from an untrusted peer has its header ignored entirely.
 */
import { BlockList, isIP } from 'node:net';

export interface TrustedProxies {
  /** Whether the address (IPv4, IPv6 or IPv4-mapped IPv6) is one of the trusted proxies. */
  has(address: string): boolean;
  readonly cidrs: readonly string[];
}

/** Loopback only: what the deprecated TRUST_PROXY=true means. */
export const LOOPBACK_PROXIES = ['127.0.0.0/8', '::1/128'] as const;

/** Strips brackets, an IPv6 zone and the IPv4-mapped prefix, so one client has one spelling. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim();
  if (address.startsWith('[') && address.includes(']')) address = address.slice(1, address.indexOf(']'));
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  return address.toLowerCase();
}

/** Parses "10.0.0.0/8", "::1/128" or a bare address; undefined when it is not one. */
export function parseCidr(
  text: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [rawAddress, rawPrefix, ...rest] = text.trim().split('/');
  if (rest.length || !rawAddress) return undefined;
  const address = normaliseAddress(rawAddress);
  const version = isIP(address);
  if (!version) return undefined;
  const max = version === 4 ? 32 : 128;
  if (rawPrefix !== undefined && !/^\d{1,3}$/.test(rawPrefix)) return undefined;
  const prefix = rawPrefix === undefined ? max : Number(rawPrefix);
  if (prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

export function trustedProxies(cidrs: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr);
    if (!parsed) throw new Error(`Not an address or CIDR: ${cidr}`);
    list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return {
    cidrs: [...cidrs],
    has(address) {
      const normal = normaliseAddress(address);
      const version = isIP(normal);
      return version !== 0 && list.check(normal, version === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

export interface ClientAddress {
  /** The client's address as the rule above finds it ('unknown' with no peer at all). */
  address: string;
  /** Whether the peer is a trusted proxy (so its X-Forwarded-Proto and -Host are believed too). */
  viaTrustedProxy: boolean;
}

/**
 * The client's address from the connection's peer and the X-Forwarded-For header(s).
 * An entry that is not an address stops the walk at the last trusted hop before it.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | readonly string[] | undefined,
  trusted: TrustedProxies,
): ClientAddress {
  if (!peer) return { address: 'unknown', viaTrustedProxy: false };
  let address = normaliseAddress(peer);
  if (!trusted.has(address)) return { address, viaTrustedProxy: false };
  const header = typeof forwardedFor === 'string' ? forwardedFor : (forwardedFor ?? []).join(',');
  const hops = header
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]!);
    if (!isIP(hop)) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  return { address, viaTrustedProxy: true };
}
