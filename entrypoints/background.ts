import { startBackgroundWorker } from '../utils/background/worker';

// The only trusted context and the only one that uses the network: configuration, sync,
// recognition, the outbox and every message from content scripts and extension pages.
export default defineBackground(() => {
  startBackgroundWorker();
});
