// The worker thread that reads an import's CSV (server/csv/csv-host.ts, started by csv-thread.ts). Plain JavaScript
// that imports the host as server/worker-code.ts prepared it (a bundle, or the TypeScript through tsx).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { loadWorkerCode } from '../load-worker-code.mjs';

// Below the threads that answer requests: on 2 cores, parsing took the CPU that an introduction was waiting for. Not
// at the lowest priority, as an import someone waits for must still move on a busy server. Linux gives each thread
// its own nice value; elsewhere the thread keeps the process's priority, which is only slower to answer under load.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // Not Linux, or not allowed: normal priority.
}

const { hostCsvParse } = await loadWorkerCode(workerData.code);
hostCsvParse(parentPort);
// Said once the host listens: requests sent before then would be lost.
parentPort.postMessage({ id: -1, progress: 0 });
