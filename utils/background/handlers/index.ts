import type { Handlers } from '../../messaging/router';
import type { WorkerContext } from '../context';
import { pageHandlers } from './page';
import { uiHandlers } from './ui';

/** One handler per message of utils/messaging/protocol.ts. */
export function createHandlers(ctx: WorkerContext): Handlers {
  return { ...pageHandlers(ctx), ...uiHandlers(ctx) };
}
