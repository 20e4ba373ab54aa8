import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { WorkerCode } from '../../server/worker-code';

// The code the server's worker threads import (the embedded database, CSV reading, snapshot building): a bundle made
// once and made again when its sources change, so a thread starts without tsx.

const folder = mkdtempSync(join(process.cwd(), '.tmp', 'worker-code-'));
const made: WorkerCode[] = [];

async function freshWorkerCode(entry: URL): Promise<WorkerCode> {
  // A new module instance: workerCode() bundles at most once a process.
  vi.resetModules();
  const { workerCode } = await import('../../server/worker-code');
  const code = await workerCode(entry);
  made.push(code);
  return code;
}

function write(name: string, text: string, secondsAgo = 0): URL {
  const path = join(folder, name);
  writeFileSync(path, text);
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, when, when);
  return pathToFileURL(path);
}

/**
 * Calls `name(input)` of the module in a worker thread of its own, loaded by load-worker-code.mjs as the server's
 * threads load it: plain Node, where nothing transforms TypeScript unless tsx does.
 */
function inThread(code: WorkerCode, name: string, input: unknown): Promise<unknown> {
  const loader = pathToFileURL(join(process.cwd(), 'server', 'load-worker-code.mjs')).href;
  const script = `const { parentPort, workerData } = require('node:worker_threads');
    import(${JSON.stringify(loader)})
      .then(({ loadWorkerCode }) => loadWorkerCode(workerData.code))
      .then((module) => parentPort.postMessage({ value: module[workerData.name](workerData.input) }))
      .catch((error) => parentPort.postMessage({ error: String(error) }));`;
  const worker = new Worker(script, { eval: true, workerData: { code, name, input } });
  return new Promise<unknown>((resolve, reject) => {
    worker.once('message', (reply: { value?: unknown; error?: string }) => {
      void worker.terminate();
      if (reply.error !== undefined) reject(new Error(reply.error));
      else resolve(reply.value);
    });
    worker.once('error', reject);
  });
}

afterAll(() => {
  for (const code of made.filter((c) => c.through === 'bundle')) {
    const bundle = fileURLToPath(code.url);
    rmSync(bundle, { force: true });
    rmSync(bundle.replace(/\.mjs$/, '.json'), { force: true });
  }
  rmSync(folder, { recursive: true, force: true });
});

describe('worker code', () => {
  test('is a bundle of the module and what it imports, with packages still imported from node_modules', async () => {
    write('value.ts', 'export const value: number = 1;\n', 60);
    const entry = write('entry.ts', "import { z } from 'zod';\nimport { value } from './value';\nexport const read = (input: unknown): number => z.number().parse(input) + value;\n", 60);
    const code = await freshWorkerCode(entry);
    expect(code.through).toBe('bundle');
    expect(code.url).toMatch(/node_modules\/\.cache\/alumni-lens\/entry-[0-9a-f]{12}\.mjs$/);
    expect(await inThread(code, 'read', 41)).toBe(42);
    await expect(inThread(code, 'read', '41')).rejects.toThrow(/number/i);
  });

  test('is made again when a file it was made from changes, and reused while none does', async () => {
    const entry = pathToFileURL(join(folder, 'entry.ts'));
    const before = await freshWorkerCode(entry);
    const bundle = fileURLToPath(before.url);
    const madeAt = statSync(bundle).mtimeMs;
    // Unchanged sources: the same file, not written again.
    await freshWorkerCode(entry);
    expect(statSync(bundle).mtimeMs).toBe(madeAt);

    write('value.ts', 'export const value: number = 100;\n');
    const after = await freshWorkerCode(entry);
    expect(after.url).toBe(before.url);
    expect(await inThread(after, 'read', 1)).toBe(101);
  });

  test('where no bundle could be made, a thread loads the TypeScript itself through tsx', async () => {
    const entry = write('direct.ts', "import { z } from 'zod';\nexport const double = (input: unknown): number => z.number().parse(input) * 2;\n");
    expect(await inThread({ url: entry.href, through: 'tsx' }, 'double', 21)).toBe(42);
    // The bundle's way cannot read TypeScript: what tsx does here is not done by anything else in the thread.
    await expect(inThread({ url: entry.href, through: 'bundle' }, 'double', 21)).rejects.toThrow();
  });

  test('a module that cannot be bundled is loaded through tsx instead, with a warning saying why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const entry = write('broken.ts', "import { missing } from './not-there';\nexport const x = missing;\n");
    const code = await freshWorkerCode(entry);
    expect(code).toEqual({ url: entry.href, through: 'tsx' });
    expect(warn.mock.calls.flat().join(' ')).toMatch(/broken\.ts through tsx: no bundle/);
    warn.mockRestore();
  });
});
