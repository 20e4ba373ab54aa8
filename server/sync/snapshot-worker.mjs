// A worker thread that does the heavy part of building a directory snapshot (server/sync/snapshot-thread.ts): its
// recognition index (seconds of CPU for a large directory) and its gzip and brotli bodies, kept off the event loop
// that answers requests. Plain JavaScript that loads the TypeScript builder through tsx, so it starts the same under
// `npm run server`, the tests and the bench.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

const { serialisedIndexOfLines } = await tsImport('./snapshot-index.ts', import.meta.url);

// At the lowest priority: on 2 cores a snapshot rebuilt during an import took the CPU that requests were waiting
// for. Linux gives each thread its own nice value (setpriority on the thread's id); elsewhere the thread keeps the
// process's priority, which is only slower to answer under load, never wrong.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {
  // Not Linux, or not allowed: normal priority.
}

const jobs = {
  index: (bytes) => serialisedIndexOfLines(bytes),
  gzip: (bytes) => gzipSync(bytes, { level: 6 }),
  brotli: (bytes, quality) =>
    brotliCompressSync(bytes, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
};

parentPort.on('message', ({ id, job, bytes, quality }) => {
  try {
    const result = jobs[job](bytes, quality);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
