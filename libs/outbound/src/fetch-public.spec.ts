import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowList } from './address-policy';
import { fetchPublic, type FetchOptions } from './fetch-public';

/** A server on loopback that stands for whatever an attacker would like the worker to read. */
class Target {
  connections = 0;
  private server?: http.Server;
  port = 0;
  constructor(private readonly handler: http.RequestListener) {}
  async start() {
    this.server = http.createServer(this.handler);
    this.server.on('connection', () => (this.connections += 1));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }
  stop() {
    return new Promise<void>((r) => this.server!.close(() => r()));
  }
}

const SECRET = 'temporal-ui: secret namespace list';

describe('fetchPublic: outbound GET that never reaches the machine itself or a private network', () => {
  const target = new Target((req, res) => {
    if (req.url === '/redirect-to-loopback') {
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/secret` }).end();
    } else if (req.url === '/big') {
      res.writeHead(200).end('x'.repeat(2000));
    } else if (req.url?.startsWith('/loop')) {
      res.writeHead(301, { location: `/loop${req.url.length}` }).end();
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(SECRET);
    }
  });
  beforeAll(() => target.start());
  afterAll(() => target.stop());
  beforeEach(() => (target.connections = 0));

  const base: FetchOptions = { timeoutMs: 5000, maxBytes: 1000 };
  const fakeDns =
    (table: Record<string, string>): FetchOptions['resolve'] =>
    async (name) => {
      const address = table[name];
      if (!address) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return [{ address, family: address.includes(':') ? 6 : 4 }];
    };

  it.each([
    (p: number) => `http://127.0.0.1:${p}/secret`,
    (p: number) => `http://2130706433:${p}/secret`,
    (p: number) => `http://0x7f.0.0.1:${p}/secret`,
    (p: number) => `http://0177.0.0.01:${p}/secret`,
    (p: number) => `http://127.1:${p}/secret`,
    (p: number) => `http://127.0.0.1.:${p}/secret`,
    (p: number) => `http://[::1]:${p}/secret`,
    (p: number) => `http://[::ffff:127.0.0.1]:${p}/secret`,
    (p: number) => `http://[::ffff:7f00:1]:${p}/secret`,
    (p: number) => `http://[0:0:0:0:0:ffff:127.0.0.1]:${p}/secret`,
    (p: number) => `http://0.0.0.0:${p}/secret`,
    (p: number) => `http://localhost:${p}/secret`,
    (p: number) => `http://LocalHost:${p}/secret`,
  ])('refuses %p by default without connecting', async (spell) => {
    const url = spell(target.port);
    const outcome = await fetchPublic(url, base);
    expect({ url, outcome }).toEqual({ url, outcome: { kind: 'refused', code: 'ADDRESS_FORBIDDEN' } });
    expect(target.connections).toBe(0);
  });

  it('refuses a DNS name that resolves to a private or loopback address, checked on the address used', async () => {
    const resolve = fakeDns({ 'calendar.evil.example': '127.0.0.1', 'intranet.evil.example': '10.0.0.7' });
    for (const host of ['calendar.evil.example', 'intranet.evil.example', 'calendar.evil.example.']) {
      const outcome = await fetchPublic(`http://${host}:${target.port}/secret`, {
        ...base,
        resolve: async (name) => resolve!(name.replace(/\.$/, '')),
      });
      expect(outcome).toEqual({ kind: 'refused', code: 'ADDRESS_FORBIDDEN' });
    }
    expect(target.connections).toBe(0);
  });

  it('refuses schemes other than http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/x.ics', 'gopher://127.0.0.1:70/']) {
      expect(await fetchPublic(url, base)).toEqual({ kind: 'refused', code: 'SCHEME_FORBIDDEN' });
    }
  });

  it('reaches a host the operator allowed, by address, by range or by name', async () => {
    for (const [entry, host] of [
      ['127.0.0.1', '127.0.0.1'],
      ['127.0.0.0/8', 'localhost'],
      ['feeds.school.local', 'feeds.school.local'],
    ]) {
      const outcome = await fetchPublic(`http://${host}:${target.port}/feed.ics`, {
        ...base,
        allow: parseAllowList(entry),
        resolve: fakeDns({ localhost: '127.0.0.1', 'feeds.school.local': '127.0.0.1' }),
      });
      expect(outcome).toMatchObject({ kind: 'response', status: 200 });
      expect(outcome.kind === 'response' && outcome.body.toString()).toBe(SECRET);
    }
  });

  it('checks every redirect: an allowed host cannot send the fetch on to a forbidden one', async () => {
    const outcome = await fetchPublic(`http://feeds.school.local:${target.port}/redirect-to-loopback`, {
      ...base,
      allow: parseAllowList('feeds.school.local'),
      resolve: fakeDns({ 'feeds.school.local': '127.0.0.1' }),
    });
    expect(outcome).toEqual({ kind: 'refused', code: 'ADDRESS_FORBIDDEN' });
    expect(target.connections).toBe(1);
  });

  it('stops after five redirects and refuses a body larger than the limit', async () => {
    const allow = parseAllowList('127.0.0.1');
    expect(await fetchPublic(`http://127.0.0.1:${target.port}/loop`, { ...base, allow })).toEqual({
      kind: 'refused',
      code: 'TOO_MANY_REDIRECTS',
    });
    expect(await fetchPublic(`http://127.0.0.1:${target.port}/big`, { ...base, allow })).toEqual({
      kind: 'refused',
      code: 'TOO_LARGE',
    });
  });

  it('says why an allowed host could not be reached with a system code only', async () => {
    const outcome = await fetchPublic('http://127.0.0.1:9/feed.ics', {
      ...base,
      allow: parseAllowList('127.0.0.1'),
    });
    expect(outcome).toEqual({ kind: 'failed', code: 'ECONNREFUSED' });
  });
});
