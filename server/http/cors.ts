import { cors } from 'hono/cors';

/** Browser-extension origins only: the extension's service worker (and pages) call the API from these. */
const extensionOrigin = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9-]{1,64}$/;

export const extensionCors = cors({
  origin: (origin) => (extensionOrigin.test(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type'],
  maxAge: 600,
});
