// Where cards and offers appear, defined once for the settings and the message protocol (which carries the mode
// to content scripts). No zod here: content scripts import the protocol.

/** Drawn in the page (an overlay), or in the browser's side panel, leaving the page untouched. */
export const DISPLAY_MODES = ['in-page', 'side-panel'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];
