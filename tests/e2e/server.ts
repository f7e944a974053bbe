import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export const FIXTURES_DIR = join(__dirname, '../fixtures');

/** Hosts the harness maps to the fixture server, so content scripts run on the real URLs. */
export const MAPPED_HOSTS = [
  'www.linkedin.com',
  'de.linkedin.com',
  'uk.linkedin.com',
  'mail.google.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
] as const;

/**
 * Chromium's `--host-resolver-rules`: the served hosts go to the fixture server, and every other
 * host fails at once as unresolvable (net::ERR_NAME_NOT_RESOLVED). Offline, a saved page's images,
 * styles and scripts on LinkedIn's and Google's CDNs (static.licdn.com, ssl.gstatic.com, …) would
 * otherwise hold its load event for as long as the resolver waits. Chromium checks every EXCLUDE
 * first, then the MAP rules in order, first match wins (net/base/host_mapping_rules.cc), so the
 * catch-all comes last and loopback is excluded from it.
 */
export function hostResolverRules(hosts: readonly string[], port: number): string {
  const served = [...new Set(hosts)].map((host) => `MAP ${host} 127.0.0.1:${port}`);
  return [...served, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

type Route = { file: string } | { path: string } | { html: string };

/**
 * An HTTPS server on loopback that answers for LinkedIn, Gmail and Outlook with fixture pages.
 * Routes are keyed by host and path (`www.linkedin.com/in/jane-doe/`); unknown paths get a 404
 * page, as the real sites would. Each request is recorded so tests can assert that the extension
 * itself fetched nothing.
 */
export class FixtureServer {
  private readonly routes = new Map<string, Route>();
  readonly requests: { host: string; path: string; userAgentFetchDest: string | undefined }[] = [];
  private server?: Server;
  port = 0;

  route(url: string, route: Route): this {
    const { host, pathname } = new URL(url);
    this.routes.set(`${host}${pathname}`, route);
    return this;
  }

  /** Every host a route was added for. */
  hosts(): string[] {
    return [...new Set([...this.routes.keys()].map((key) => key.slice(0, key.indexOf('/'))))];
  }

  /** Serves `tests/fixtures/<file>` at `url` (query strings are ignored when matching). */
  page(url: string, file: string): this {
    return this.route(url, { file });
  }

  async start(): Promise<void> {
    const pems = await generate([{ name: 'commonName', value: 'groundwork-fixtures.test' }], {
      keySize: 2048,
      algorithm: 'sha256',
    });
    this.server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const path = new URL(req.url ?? '/', 'https://x').pathname;
      this.requests.push({ host, path, userAgentFetchDest: req.headers['sec-fetch-dest'] as string | undefined });
      const route = this.routes.get(`${host}${path}`);
      const send = (status: number, body: string | Buffer, type = 'text/html; charset=utf-8') => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      };
      if (!route) {
        send(404, '<!doctype html><title>Page not found | LinkedIn</title><main><h1>Page not found</h1></main>');
        return;
      }
      if ('html' in route) {
        send(200, route.html);
        return;
      }
      const file = 'path' in route ? route.path : join(FIXTURES_DIR, route.file);
      readFile(file).then(
        (body) => send(200, body, file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8'),
        (error: Error) => send(500, `Fixture missing: ${error.message}`, 'text/plain'),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
