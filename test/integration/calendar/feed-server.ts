import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedRequest {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
}

/**
 * A calendar host on loopback whose feeds the test changes between polls. It answers conditional GETs as
 * Google and Outlook do: 304 when the ETag still matches.
 */
export class FeedServer {
  private readonly feeds = new Map<
    string,
    { body: string; etag: string; lastModified: string } | { status: number } | { location: string }
  >();
  readonly requests: ServedRequest[] = [];
  private server?: http.Server;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const path = req.url ?? '/';
      const feed = this.feeds.get(path);
      const record = (status: number) =>
        this.requests.push({
          path,
          status,
          ...(req.headers['if-none-match'] ? { ifNoneMatch: String(req.headers['if-none-match']) } : {}),
          ...(req.headers['if-modified-since']
            ? { ifModifiedSince: String(req.headers['if-modified-since']) }
            : {}),
        });
      if (!feed) {
        record(404);
        res.writeHead(404).end();
      } else if ('location' in feed) {
        record(302);
        res.writeHead(302, { location: feed.location }).end();
      } else if ('status' in feed) {
        record(feed.status);
        res.writeHead(feed.status).end('server error');
      } else if (req.headers['if-none-match'] === feed.etag) {
        record(304);
        res.writeHead(304, { etag: feed.etag }).end();
      } else {
        record(200);
        res
          .writeHead(200, {
            'content-type': 'text/calendar; charset=utf-8',
            etag: feed.etag,
            'last-modified': feed.lastModified,
          })
          .end(feed.body);
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  set(path: string, body: string): string {
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    this.feeds.set(path, { body, etag, lastModified: new Date().toUTCString() });
    return `${this.baseUrl}${path}`;
  }

  fail(path: string, status: number): string {
    this.feeds.set(path, { status });
    return `${this.baseUrl}${path}`;
  }

  /** Answers 302 to `location`, as a shortened or moved calendar link does. */
  redirect(path: string, location: string): string {
    this.feeds.set(path, { location });
    return `${this.baseUrl}${path}`;
  }

  requestsFor(path: string): ServedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
