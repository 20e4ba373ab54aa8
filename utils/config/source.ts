// Where the configuration in use came from, defined once for the config readers and the message protocol
// (which validates the options page's status with it). No zod here: content scripts import the protocol.

export const CONFIG_SOURCES = ['none', 'local', 'managed'] as const;
/** `managed` (enterprise policy) wins over `local` (the user's) and is shown as locked. */
export type ConfigSource = (typeof CONFIG_SOURCES)[number];
