export { createSyncService, resourcesFor, dataOwnerOf, type SyncService, type SyncDeps } from './service';
export { IndexHolder } from './index-holder';
export { fetchDelta, type Delta } from './delta';
export { commitDelta, clearSyncedData } from './commit';
export { scheduleSync, SYNC_ALARM, SYNC_PERIOD_MINUTES } from './schedule';
