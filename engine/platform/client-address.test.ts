import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress, parseCidr, trustedProxies } from './client-address.ts';

describe('client address behind trusted proxies', () => {
  const proxies = trustedProxies(['10.0.0.0/8', '127.0.0.1/32', 'fd00::/8']);

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', proxies)).toEqual({
      address: '203.0.113.9',
      viaTrustedProxy: false,
    });
    expect(clientAddress('::ffff:198.51.100.2', '1.2.3.4', proxies).address).toBe('198.51.100.2');
  });

  it('takes the right-most address no trusted proxy holds, whatever the client wrote to its left', () => {
    expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7', proxies)).toEqual({
      address: '203.0.113.7',
      viaTrustedProxy: true,
    });
    // Two proxies in a row (the load balancer 10.1.2.3 in front of the local one).
    expect(clientAddress('127.0.0.1', ['6.6.6.6, 203.0.113.7', '10.1.2.3'], proxies).address).toBe(
      '203.0.113.7',
    );
    // A client inside the trusted range itself, with nothing before it: that client.
    expect(clientAddress('127.0.0.1', '10.9.9.9', proxies).address).toBe('10.9.9.9');
    // No header: the proxy itself.
    expect(clientAddress('127.0.0.1', undefined, proxies).address).toBe('127.0.0.1');
    // Garbage stops the walk at the last real hop.
    expect(clientAddress('127.0.0.1', '203.0.113.7, not-an-ip', proxies).address).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '[2001:db8::1]', proxies).address).toBe('2001:db8::1');
  });

  it('trusts nobody with an empty list', () => {
    expect(clientAddress('127.0.0.1', '1.2.3.4', trustedProxies([])).address).toBe('127.0.0.1');
    expect(clientAddress(undefined, '1.2.3.4', trustedProxies([])).address).toBe('unknown');
  });

  it('parses addresses and CIDRs, and spells one client one way', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ address: '10.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseCidr('::1')).toEqual({ address: '::1', prefix: 128, family: 'ipv6' });
    for (const bad of ['10.0.0.0/33', 'example.com', '10.0.0.0/8/1', '1.2.3', '::1/129', '10.0.0.0/x'])
      expect(parseCidr(bad), bad).toBeUndefined();
    expect(normaliseAddress('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
  });
});
