// The API contract shared by the extension and the server (server/ publishes it as OpenAPI 3.1).
// Each top-level schema is marked @__PURE__: its `.check()` or `.register()` call would otherwise keep it in
// every bundle that imports its module, used there or not (issue 11, content-script size).
import './locale';
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
