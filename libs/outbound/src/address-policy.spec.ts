import { isAddressAllowed, isPublicAddress, parseAllowList } from './address-policy';

describe('which addresses an outbound fetch may reach', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '"this network"'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.2.10', 'documentation'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2001::1', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fec0::1', 'site-local (deprecated)'],
    ['ff02::1', 'multicast'],
    ['not-an-address', 'not an address'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
    expect(isAddressAllowed(address, parseAllowList(''))).toBe(false);
  });

  it.each(['8.8.8.8', '77.88.8.8', '172.32.0.1', '100.128.0.1', '2a00:1450:4010::8a', '::ffff:8.8.8.8'])(
    'lets %s through: a public unicast address',
    (address) => expect(isPublicAddress(address)).toBe(true),
  );

  it('lets an operator allow single addresses and ranges, in any spelling of the connected address', () => {
    const allow = parseAllowList(
      ' 127.0.0.1, 10.20.0.0/16 ,[::1], calendar.school.local., ::ffff:192.168.0.0/112',
    );
    expect(isAddressAllowed('127.0.0.1', allow)).toBe(true);
    expect(isAddressAllowed('::ffff:127.0.0.1', allow)).toBe(true);
    expect(isAddressAllowed('127.0.0.2', allow)).toBe(false);
    expect(isAddressAllowed('10.20.255.1', allow)).toBe(true);
    expect(isAddressAllowed('10.21.0.1', allow)).toBe(false);
    expect(isAddressAllowed('::1', allow)).toBe(true);
    expect(isAddressAllowed('192.168.7.7', allow)).toBe(true);
    expect(isAddressAllowed('169.254.169.254', allow)).toBe(false);
    expect([...allow.names]).toEqual(['calendar.school.local']);
  });

  it.each(['http://127.0.0.1', '10.0.0.0/33', 'bad host', '*.school.local', '::1/129'])(
    'refuses the malformed entry %p with its text in the message',
    (entry) => expect(() => parseAllowList(`127.0.0.1,${entry}`)).toThrow(entry),
  );
});
