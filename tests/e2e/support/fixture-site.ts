import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './certificate';
import { fixturesDir } from './paths';

/** What one URL answers: a saved page (absolute path), or HTML written by the test. */
export type Page = { file: string } | { html: string };

/** A saved page under tests/fixtures/. */
export function fixture(relativePath: string): Page {
  return { file: join(fixturesDir, relativePath) };
}

export interface FixtureSite {
  /** The loopback port every impersonated host is mapped to (Chromium's --host-resolver-rules). */
  port: number;
  hosts: string[];
  /** Adds or replaces the page answering https://HOST/PATH (path without query; a trailing slash is ignored). */
  serve(url: string, page: Page): void;
  close(): Promise<void>;
}

function routeKey(host: string, pathname: string): string {
  return `${host.toLowerCase()}${pathname.replace(/\/+$/, '') || '/'}`;
}

/**
 * One https server on 127.0.0.1 that answers for real host names (www.linkedin.com, an organisation's site…):
 * the browser maps those names here, so the extension sees the URLs it would see on the real sites.
 */
export async function startFixtureSite(hosts: string[], pages: Record<string, Page> = {}): Promise<FixtureSite> {
  const routes = new Map<string, Page>();
  const serve = (url: string, page: Page) => {
    const parsed = new URL(url);
    routes.set(routeKey(parsed.hostname, parsed.pathname), page);
  };
  for (const [url, page] of Object.entries(pages)) serve(url, page);

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(request.url ?? '/', 'https://placeholder').pathname;
    const page = routes.get(routeKey(host, path));
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Not found</title>');
      return;
    }
    const body = 'file' in page ? await readFile(page.file) : page.html;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  };

  const server: Server = createServer(selfSignedCertificate(hosts), (request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    hosts,
    serve,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
