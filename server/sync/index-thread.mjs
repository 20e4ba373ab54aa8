// A worker thread that builds snapshots' recognition indexes (server/sync/index-builder.ts): seconds of CPU for a
// large directory, kept off the event loop that answers requests. Plain JavaScript that loads the TypeScript
// builder through tsx, so it starts the same under `npm run server`, the tests and the bench.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { serialisedIndexOfLines } = await tsImport('./snapshot-index.ts', import.meta.url);

parentPort.on('message', ({ id, lines }) => {
  try {
    parentPort.postMessage({ id, serialized: serialisedIndexOfLines(lines) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
