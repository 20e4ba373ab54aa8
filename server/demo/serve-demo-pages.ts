import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves files under `root` for GET /demo/<path>; a folder serves its index.html. Paths are resolved and must
 * stay inside `root`, so "..", encoded or not, cannot reach other files.
 */
export function demoPagesHandler(root: string) {
  const base = resolve(root);
  return async (c: Context) => {
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.replace(/^\/demo\/?/, ''));
    } catch {
      return c.text('Not found', 404);
    }
    let file = resolve(base, relative);
    if (relative.includes('\0') || (file !== base && !file.startsWith(base + sep))) return c.text('Not found', 404);
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => undefined);
    if (!body) return c.text('Not found', 404);
    return c.body(body, 200, { 'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream' });
  };
}
