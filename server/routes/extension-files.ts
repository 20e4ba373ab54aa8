import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';

/**
 * Self-hosted distribution for companies that do not publish the extension in a store (docs/deploy.md):
 * the backend serves the Chromium update manifest and the CRX it names from one folder (EXTENSION_DIR),
 * under /extension/. Only those two kinds of file, by plain name: nothing else in the folder is reachable.
 */
const SERVED = /^(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,100})\.(?<ext>xml|crx)$/;
const TYPES = { xml: 'application/xml; charset=utf-8', crx: 'application/x-chrome-extension' } as const;

export function extensionFilesHandler(dir: string) {
  return async (c: Context) => {
    const match = SERVED.exec(c.req.param('file') ?? '');
    if (!match?.groups) return c.notFound();
    const ext = match.groups.ext as keyof typeof TYPES;
    let body: Buffer;
    try {
      body = await readFile(join(dir, `${match.groups.name}.${ext}`));
    } catch {
      return c.notFound();
    }
    // The browser checks for updates itself; a short cache keeps a new release from waiting long.
    return c.body(new Uint8Array(body), 200, { 'content-type': TYPES[ext], 'cache-control': 'max-age=300' });
  };
}
