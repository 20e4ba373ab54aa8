import type { Alumnus } from '../../../utils/api';
import type { Database } from '../../../server/db/database';
import { generateDirectory } from '../../../scripts/data/synthetic-directory';

/**
 * Loads `count` synthetic alumni (scripts/data, seed 11) straight into the alumni table, in a few large inserts:
 * an HR import of this size is tested on its own (tests/server), here it would only make the story slower.
 */
export async function loadSyntheticAlumni(db: Database, count: number): Promise<Alumnus[]> {
  const directory = generateDirectory(count, 11);
  for (let start = 0; start < directory.length; start += 10_000) {
    const batch = directory.slice(start, start + 10_000).map(({ id, updatedAt: _updatedAt, ...record }) => ({ id, record }));
    await db.query('INSERT INTO alumni (id, record) SELECT x.id, x.record FROM jsonb_to_recordset($1::jsonb) AS x(id text, record jsonb)', [
      JSON.stringify(batch),
    ]);
  }
  return directory;
}

/** Waits until the backend's snapshot for `token` holds at least `count` alumni (it rebuilds after a large change). */
export async function snapshotHolding(apiUrl: string, token: string, count: number, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await fetch(`${apiUrl}/api/v1/directory/snapshot`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = new Uint8Array(await reply.arrayBuffer());
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(10)))) as { count?: number };
    if ((header.count ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`the snapshot held ${header.count} alumni, not ${count}, after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Waits until the backend has finished compressing `token`'s snapshot with brotli, which it does in a thread after
 * serving gzip: on a two-core machine that thread takes a core from Chromium for tens of seconds at 100,000 alumni,
 * so a page timed meanwhile measures the backend's compression, not the extension.
 */
export async function snapshotCompressed(apiUrl: string, token: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Offered both, the server answers brotli only once it is ready (gzip until then).
    const reply = await fetch(`${apiUrl}/api/v1/directory/snapshot`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' } });
    await reply.arrayBuffer();
    if (reply.headers.get('content-encoding') === 'br') return;
    if (Date.now() > deadline) throw new Error(`the snapshot was not compressed with brotli after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
