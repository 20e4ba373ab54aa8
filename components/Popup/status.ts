import type { ResponseOf } from '../../utils/messaging/protocol';

/** What the popup shows, as the worker reports it (ui:get-status). */
export type PopupStatus = ResponseOf<'ui:get-status'>;
