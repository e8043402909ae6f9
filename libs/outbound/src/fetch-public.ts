import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { isAddressAllowed, isNameAllowed, NOTHING_ALLOWED, type AllowList } from './address-policy';

export interface FetchOptions {
  headers?: Record<string, string>;
  /** The whole exchange, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  allow?: AllowList;
  /** Name resolution; tests give a fake resolver so that names "resolve" to private addresses. */
  resolve?: (hostname: string) => Promise<Array<{ address: string; family: number }>>;
}

export type FetchOutcome =
  | { kind: 'response'; status: number; headers: http.IncomingHttpHeaders; body: Buffer }
  /** Not fetched: the address is not public, the scheme is not http(s), too many redirects, or too large. */
  | { kind: 'refused'; code: RefusalCode }
  /** Connected or tried to, and it went wrong; `code` is a system code such as ECONNREFUSED, never content. */
  | { kind: 'failed'; code: string };

export type RefusalCode = 'ADDRESS_FORBIDDEN' | 'SCHEME_FORBIDDEN' | 'TOO_MANY_REDIRECTS' | 'TOO_LARGE';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class Refused extends Error {
  constructor(readonly code: RefusalCode) {
    super(code);
  }
}

const systemResolve = async (hostname: string) => dns.promises.lookup(hostname, { all: true });

/**
 * GET that refuses every address which is not public unless the operator allowed it. The check is made on
 * what the socket connects to: a literal host before connecting, a name inside the connection's own DNS
 * lookup (so a name cannot resolve to one address when checked and another when used), and the peer address
 * once connected. Each redirect is a new request under the same rules. Only a status, headers and a body up
 * to `maxBytes` come back; failures carry a code and nothing the far side sent.
 */
export async function fetchPublic(url: string, options: FetchOptions): Promise<FetchOutcome> {
  const allow = options.allow ?? NOTHING_ALLOWED;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { kind: 'failed', code: 'INVALID_URL' };
  }
  for (let hop = 0; ; hop++) {
    try {
      const res = await requestOnce(current, options, allow, signal);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.status) || !location) return res;
      if (hop >= (options.maxRedirects ?? 5)) return { kind: 'refused', code: 'TOO_MANY_REDIRECTS' };
      current = new URL(location, current);
    } catch (e) {
      if (e instanceof Refused) return { kind: 'refused', code: e.code };
      if (signal.aborted) return { kind: 'failed', code: 'TIMEOUT' };
      const code = (e as { code?: unknown }).code;
      return { kind: 'failed', code: typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'ERROR' };
    }
  }
}

function requestOnce(
  url: URL,
  options: FetchOptions,
  allow: AllowList,
  signal: AbortSignal,
): Promise<Extract<FetchOutcome, { kind: 'response' }>> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refused('SCHEME_FORBIDDEN');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const byName = isNameAllowed(host, allow);
  const permitted = (address: string) => byName || isAddressAllowed(address, allow);
  if (isIP(host) && !permitted(host)) throw new Refused('ADDRESS_FORBIDDEN');
  const resolve = options.resolve ?? systemResolve;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (found) => {
        const usable = found.filter(
          (a) => permitted(a.address) && (!lookupOptions.family || a.family === lookupOptions.family),
        );
        if (usable.length === 0) return callback(new Refused('ADDRESS_FORBIDDEN'), '', 0);
        if (lookupOptions.all) return (callback as AllCallback)(null, usable);
        callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolvePromise, reject) => {
    let refused: Refused | undefined;
    const req = client.request(url, {
      method: 'GET',
      headers: options.headers ?? {},
      lookup,
      signal,
      agent: false,
    });
    req.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        const peer = socket.remoteAddress;
        if (!peer || !permitted(peer)) {
          refused = new Refused('ADDRESS_FORBIDDEN');
          req.destroy(refused);
        }
      });
    });
    req.on('error', (e) => reject(refused ?? e));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) || status < 200 || status >= 300) {
        res.resume();
        res.on('end', () =>
          resolvePromise({ kind: 'response', status, headers: res.headers, body: Buffer.alloc(0) }),
        );
        res.on('error', reject);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          refused = new Refused('TOO_LARGE');
          reject(refused);
          req.destroy(refused);
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () =>
        resolvePromise({ kind: 'response', status, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.end();
  });
}

type AllCallback = (
  err: NodeJS.ErrnoException | null,
  addresses: Array<{ address: string; family: number }>,
) => void;
