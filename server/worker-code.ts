import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

/**
 * What a worker thread imports for one of the server's TypeScript modules (given to load-worker-code.mjs).
 * Worker threads do not inherit tsx's loader, and loading the TypeScript through tsx in each new thread cost about
 * 0.55 s (a loader thread of its own, every module transformed again): each embedded database opened paid it. The
 * module is bundled once with esbuild instead (the packages it imports stay imports) into node_modules/.cache, and
 * bundled again only when a file it was made from has changed; importing the bundle takes about 0.17 s. Where that
 * folder cannot be written, the thread loads the TypeScript through tsx as before.
 */
export type WorkerCode = { url: string; through: 'bundle' | 'tsx' };

const cacheDir = fileURLToPath(new URL('../node_modules/.cache/alumni-lens/', import.meta.url));
// What each bundle was made from, to tell whether it is still current.
const madeFrom = z.object({ entry: z.string(), inputs: z.record(z.string(), z.number()) });
const made = new Map<string, Promise<WorkerCode>>();

/** The code for `entry` (a .ts file beside the caller, as `new URL('./x.ts', import.meta.url)`), bundled at most once a process. */
export function workerCode(entry: URL): Promise<WorkerCode> {
  let code = made.get(entry.href);
  if (!code) {
    code = bundled(fileURLToPath(entry)).catch((error: unknown) => {
      console.warn(`Loading ${basename(fileURLToPath(entry))} through tsx: no bundle (${error instanceof Error ? error.message : String(error)})`);
      return { url: entry.href, through: 'tsx' as const };
    });
    made.set(entry.href, code);
  }
  return code;
}

async function bundled(entry: string): Promise<WorkerCode> {
  const name = `${basename(entry, '.ts')}-${createHash('sha256').update(entry).digest('hex').slice(0, 12)}`;
  const file = join(cacheDir, `${name}.mjs`);
  const record = join(cacheDir, `${name}.json`);
  if (current(record, file, entry)) return { url: pathToFileURL(file).href, through: 'bundle' };
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((input) => [resolve(input), statSync(resolve(input)).mtimeMs]));
  mkdirSync(cacheDir, { recursive: true });
  // Written beside and renamed into place: another server starting at the same moment never imports half a file.
  const partial = `.${process.pid}-${Date.now()}`;
  writeFileSync(file + partial, result.outputFiles[0].contents);
  renameSync(file + partial, file);
  writeFileSync(record + partial, JSON.stringify({ entry, inputs }));
  renameSync(record + partial, record);
  return { url: pathToFileURL(file).href, through: 'bundle' };
}

/** Whether `file` is there, was made from `entry` (says `record`) and none of its sources has changed since. */
function current(record: string, file: string, entry: string): boolean {
  try {
    const { entry: recorded, inputs } = madeFrom.parse(JSON.parse(readFileSync(record, 'utf8')));
    return recorded === entry && statSync(file).isFile() && Object.entries(inputs).every(([input, mtime]) => statSync(input).mtimeMs === mtime);
  } catch {
    return false;
  }
}
