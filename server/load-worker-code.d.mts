import type { WorkerCode } from './worker-code';

/** See load-worker-code.mjs. */
export function loadWorkerCode(code: WorkerCode): Promise<unknown>;
