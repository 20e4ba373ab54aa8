// A worker thread that does the heavy part of building a directory snapshot (server/sync/snapshot-thread.ts): its
// recognition index (seconds of CPU for a large directory) and its gzip and brotli bodies, kept off the event loop
// that answers requests. Plain JavaScript that imports the builder as server/worker-code.ts prepared it (a bundle, or
// the TypeScript through tsx).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { loadWorkerCode } from '../load-worker-code.mjs';

const { serialisedIndexOfLines } = await loadWorkerCode(workerData.code);

// At the lowest priority: on 2 cores a snapshot rebuilt during an import took the CPU that requests were waiting
// for. Linux gives each thread its own nice value (setpriority on the thread's id); elsewhere the thread keeps the
// process's priority, which is only slower to answer under load, never wrong.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {
  // Not Linux, or not allowed: normal priority.
}

// The parts arrive as views of shared memory (no copy on the server's thread); they are copied here, where the copy
// costs requests nothing, and the body is put together here too.
const body = (parts) => Buffer.concat(parts.map((part) => Buffer.from(part)));
const jobs = {
  index: ([lines]) => Buffer.from(serialisedIndexOfLines(Buffer.from(lines)), 'utf8'),
  gzip: (parts) => gzipSync(body(parts), { level: 6 }),
  brotli: (parts, quality) => {
    const bytes = body(parts);
    return brotliCompressSync(bytes, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
  },
};

parentPort.on('message', ({ id, job, parts, quality }) => {
  try {
    // Handed over, not copied: the result's own memory moves to the other thread.
    const result = new Uint8Array(jobs[job](parts, quality));
    parentPort.postMessage({ id, result }, [result.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
