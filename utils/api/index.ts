// The API contract shared by the extension and the server (server/ publishes it as OpenAPI 3.1).
export * from './common';
export * from './alumnus';
export * from './organization';
export * from './offer';
export * from './introduction';
export * from './interest';
export * from './me';
export * from './showcase';
export * from './suggestion';
export * from './meeting';
export * from './profile';
export * from './sync';
export * from './error';
export * from './snapshot';
