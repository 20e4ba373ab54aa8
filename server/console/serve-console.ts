import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

/** Where `npm start` and `npm test` build the console (console/vite.config.ts). */
export const defaultConsoleDir = fileURLToPath(new URL('../../console/dist/', import.meta.url));

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// The console loads nothing from elsewhere and is never framed; its API is same-origin.
const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const notBuilt = `<!doctype html><meta charset="utf-8"><title>Alumni Lens console</title>
<p>The console has not been built yet. Run <code>npm run build:console</code> (or <code>npm start</code>, which builds it).</p>`;

/**
 * Serves the built console under /admin/: hashed assets from assets/ (cached for good), and index.html for every
 * other path so the console's own routes (/admin/alumni/E1001) survive a reload.
 */
export function consoleHandler(dir: string) {
  const root = resolve(dir);
  return async (c: Context) => {
    const path = decodeURIComponent(c.req.path.replace(/^\/admin\/?/, ''));
    const file = resolve(join(root, path));
    const inside = file.startsWith(root + sep);
    if (inside && path.startsWith('assets/')) {
      const found = await stat(file).catch(() => undefined);
      if (!found?.isFile()) return c.text('Not found', 404);
      return c.body(await readFile(file), 200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'public, max-age=31536000, immutable',
        ...securityHeaders,
      });
    }
    const index = await readFile(join(root, 'index.html'), 'utf8').catch(() => undefined);
    if (index === undefined) return c.html(notBuilt, 503, securityHeaders);
    return c.html(index, 200, { 'Cache-Control': 'no-store', ...securityHeaders });
  };
}
