import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../server/index';
import { DEVELOPMENT_EXTENSION_ORIGIN } from '../../utils/development-extension';
import { createPostgresDatabase, startTestServer, type TestServer } from './support/test-server';
import { tokens } from './support/http';

// CORS decides which browser origins may read the API's answers. Only the extension origins the deployment
// names are let through; by default that is the development build's fixed id.

const ourRelease = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const ourFirefox = 'moz-extension://6f1c2a1e-0d7b-4b59-9d1e-3f7f2b1a9c11';
const otherExtension = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';

async function allowedOrigin(api: string, origin: string): Promise<{ preflight: string | null; get: string | null }> {
  const preflight = await fetch(`${api}/introductions`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
  const get = await fetch(`${api}/me`, { headers: { origin, authorization: `Bearer ${tokens.sales}` } });
  return { preflight: preflight.headers.get('access-control-allow-origin'), get: get.headers.get('access-control-allow-origin') };
}

describe('CORS with no configuration', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { seed: 'demo' });
  });
  afterAll(() => server?.close());

  test('lets the development build through, preflight included', async () => {
    expect(await allowedOrigin(server.api, DEVELOPMENT_EXTENSION_ORIGIN)).toEqual({
      preflight: DEVELOPMENT_EXTENSION_ORIGIN,
      get: DEVELOPMENT_EXTENSION_ORIGIN,
    });
  });

  test('answers any other extension, and every web page, without CORS headers', async () => {
    for (const origin of [otherExtension, ourFirefox, 'https://www.linkedin.com', 'http://127.0.0.1:9999', 'chrome-extension://x/../evil', 'null']) {
      expect(await allowedOrigin(server.api, origin), origin).toEqual({ preflight: null, get: null });
    }
  });
});

describe('CORS with configured extension origins', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { seed: 'demo', extensionOrigins: [ourRelease, ourFirefox] });
  });
  afterAll(() => server?.close());

  test('lets exactly those through (and no longer the development build)', async () => {
    for (const origin of [ourRelease, ourFirefox]) expect(await allowedOrigin(server.api, origin)).toEqual({ preflight: origin, get: origin });
    for (const origin of [otherExtension, DEVELOPMENT_EXTENSION_ORIGIN, `${ourRelease}/`]) {
      expect(await allowedOrigin(server.api, origin), origin).toEqual({ preflight: null, get: null });
    }
  });

  test('a value that is not an extension origin is refused at start-up', async () => {
    for (const bad of ['https://evil.example', 'chrome-extension://abc/path', '*']) {
      await expect(startServer({ port: 0, inMemory: true, extensionOrigins: [bad] })).rejects.toThrow(/Not an extension origin/);
    }
  });
});

test('`--extension-origin` (repeatable) on the command line sets the list and is printed at start-up', async () => {
  // PostgreSQL rather than a new PGlite folder: no initdb, so the process is up in seconds.
  const database = await createPostgresDatabase();
  // node itself, not `npx tsx`: SIGTERM to npx would leave the server it started running after the test.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--database-url', database.url, '--port', '0', '--extension-origin', ourRelease, '--extension-origin', ourFirefox], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const api = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(output);
        if (match && output.includes('CORS')) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
    expect(output).toContain(`Extension origins allowed by CORS: ${ourRelease}, ${ourFirefox}`);
    const preflight = await fetch(`${api}/health`, { method: 'OPTIONS', headers: { origin: ourFirefox, 'access-control-request-method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ourFirefox);
    const other = await fetch(`${api}/health`, { method: 'OPTIONS', headers: { origin: otherExtension, 'access-control-request-method': 'GET' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await database.drop();
  }
});
