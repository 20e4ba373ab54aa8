import type { Handlers } from '../../messaging/router';
import type { WorkerContext } from '../context';
import { pageHandlers } from './page';
import { panelHandlers } from './panel';
import { uiHandlers } from './ui';

/** One handler per message of utils/messaging/protocol.ts. */
export function createHandlers(ctx: WorkerContext): Handlers {
  return { ...pageHandlers(ctx), ...uiHandlers(ctx), ...panelHandlers(ctx) };
}
