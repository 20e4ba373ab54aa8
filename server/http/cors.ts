import { cors } from 'hono/cors';
import { DEVELOPMENT_EXTENSION_ORIGIN } from '../../utils/development-extension';

/** A browser extension's origin: scheme and id, nothing else (chrome-extension://abcdefghijklmnopabcdefghijklmnop). */
export const extensionOriginPattern = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9-]{1,64}$/;

/** Without configuration, only the development build (fixed id, see utils/development-extension.ts) is let through. */
export const defaultExtensionOrigins: readonly string[] = [DEVELOPMENT_EXTENSION_ORIGIN];

/**
 * CORS for the configured extension origins only. The extension's worker calls the API from its origin;
 * with host permission for the backend (granted on the options page) Chromium and Firefox do not consult
 * CORS at all, without it (a backend set by policy) these headers are what lets the answer through. Any
 * other extension, and every web page, gets no CORS headers, so a browser keeps the answer from them.
 */
export function extensionCors(origins: readonly string[] = defaultExtensionOrigins) {
  const allowed = new Set(origins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
}
