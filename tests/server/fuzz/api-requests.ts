import fc from 'fast-check';
import { anyJson, arbitraryFor, nastyStrings, type JsonSchema } from './schema-arbitrary';

/** One operation of the OpenAPI document, as the fuzzer calls it. */
export interface Operation {
  method: string;
  /** As documented, e.g. /admin/offers/{id} */
  path: string;
  query: Array<{ name: string; schema: JsonSchema }>;
  pathParams: string[];
  body?: { contentType: string; schema: JsonSchema };
}

export interface FuzzRequest {
  operation: Operation;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, {
    parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
    requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation the server documents: endpoints added later are fuzzed without touching this file. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => {
        const parameters = operation.parameters ?? [];
        const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
        return {
          method: method.toUpperCase(),
          path,
          query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
          pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
          ...(contentType ? { body: { contentType, schema: media?.schema ?? {} } } : {}),
        };
      }),
  );
}

export interface FuzzContext {
  api: string;
  components: Record<string, JsonSchema>;
  tokens: Record<string, string>;
  /** Ids the database holds (alumni, offers, organisations), so requests reach real records too. */
  knownIds: string[];
  /** Cursors the server issued, to hand back as they are or tampered with. */
  cursors: string[];
  /** The server's own origin (the console's cookie requests must name it) . */
  origin: string;
  /** Console sessions the server opened: the cookie's value and the session's CSRF token. */
  sessions: Array<{ id: string; csrfToken: string }>;
}

const contentTypes = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'application/merge-patch+json', ''];

function authorization(tokens: Record<string, string>): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...Object.values(tokens)).map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'Bearer not-a-token', 'Basic ZGVtbzpkZW1v', `Bearer ${'a'.repeat(600)}`, 'bearer demo-admin-token extra', 'Bearer\tdemo-admin-token'),
    },
  );
}

/** The console's credentials: a session cookie (or none), its CSRF token or not, and where the request says it comes from. */
function consoleCredentials(context: FuzzContext) {
  return fc.record({
    session: fc.option(fc.constantFrom(...context.sessions), { nil: undefined, freq: 2 }),
    csrf: fc.boolean(),
    origin: fc.constantFrom(context.origin, context.origin, 'https://evil.example', 'null', undefined),
  });
}

function cursor(context: FuzzContext): fc.Arbitrary<string> {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  return fc.oneof(
    fc.constantFrom(...context.cursors),
    // A genuine cursor with one character changed.
    fc.tuple(fc.constantFrom(...context.cursors), fc.nat(), fc.constantFrom('A', 'z', '.', '0', '-', '_')).map(
      ([value, at, ch]) => value.slice(0, at % value.length) + ch + value.slice((at % value.length) + 1),
    ),
    fc.constantFrom(b64('v1:0'), b64('v2:0'), `${b64('v2:0')}.`, `${b64('v2:1:999999999999999')}.AAAAAAAAAAAAAAAAAAAAAA`),
    fc.base64String({ maxLength: 80 }),
    fc.constantFrom(...nastyStrings),
  );
}

function pathSegment(context: FuzzContext): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...context.knownIds).map(encodeURIComponent) },
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
    // Raw, not encoded: broken percent-escapes, dots, encoded NUL and surrogate halves.
    { weight: 2, arbitrary: fc.constantFrom('%', '%E0%A4%A', '..', '%2e%2e', '%00', '%ED%A0%80', 'a%2Fb', 'x'.repeat(300), '%F0%9F%98%80') },
  );
}

function queryValue(name: string, schema: JsonSchema, context: FuzzContext): fc.Arbitrary<string> {
  if (name === 'since') return cursor(context);
  return fc.oneof(
    { weight: 3, arbitrary: arbitraryFor(schema, context.components).map((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '')) },
    { weight: 2, arbitrary: fc.constantFrom(...context.knownIds) },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1e3', '5001', '1.5', 'true', '', ...nastyStrings) },
  );
}

function bodyText(operation: Operation, context: FuzzContext): fc.Arbitrary<string | undefined> {
  const documented = operation.body;
  const csv = fc
    .array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('E1001', '2012-04', 'yes', 'no', '山田 太郎', '"', '""', ',', '\n')), { maxLength: 16 }), { maxLength: 6 })
    .map((rows) =>
      ['employee_id,display_name,tenure_from,tenure_to,consent_recognition,consent_offers', ...rows.map((cells) => cells.join(','))].join('\n'),
    );
  const structured = documented?.contentType.includes('json')
    ? arbitraryFor(documented.schema, context.components).map((value) => JSON.stringify(value))
    : documented
      ? csv
      : fc.constant(undefined);
  // Sign-in takes a token in its body: real ones too, so sign-in is fuzzed past its refusal.
  const signIn = operation.path === '/session' && operation.method === 'POST'
    ? fc.tuple(fc.constantFrom(...Object.values(context.tokens)), fc.constantFrom('', ' ', '\u3000')).map(([token, pad]) => JSON.stringify({ token: pad + token + pad }))
    : structured;
  return fc.oneof(
    { weight: 8, arbitrary: structured },
    { weight: 4, arbitrary: signIn },
    { weight: 1, arbitrary: anyJson.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    // Truncated JSON, and nesting far deeper than any request needs.
    { weight: 1, arbitrary: fc.tuple(structured, fc.nat()).map(([text, cut]) => (text ? text.slice(0, cut % (text.length + 1)) : '{')) },
    { weight: 1, arbitrary: fc.integer({ min: 30, max: 100_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Random and mutated requests for one operation: query, path, headers, body, role. */
export function requestFor(operation: Operation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const params = operation.query.map(({ name, schema }) => fc.option(queryValue(name, schema, context), { nil: undefined, freq: 3 }).map((value) => [name, value] as const));
  const extras = fc.array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), { maxLength: 2 });
  return fc
    .record({
      path: fc.tuple(...operation.pathParams.map(() => pathSegment(context))),
      query: fc.tuple(...params),
      extras,
      auth: authorization(context.tokens),
      console: consoleCredentials(context),
      contentType: fc.oneof({ weight: 6, arbitrary: fc.constant(operation.body?.contentType) }, { weight: 1, arbitrary: fc.constantFrom(...contentTypes) }),
      body: bodyText(operation, context),
    })
    .map(({ path, query, extras: extra, auth, console: credentials, contentType, body }) => {
      let i = 0;
      const concrete = operation.path.replace(/\{\w+\}/g, () => path[i++] ?? 'x');
      const search = new URLSearchParams();
      for (const [name, value] of query) if (value !== undefined) search.append(name, value);
      for (const [name, value] of extra) search.append(name, value);
      const headers: Record<string, string> = {};
      if (auth) headers.authorization = auth;
      if (credentials.session) {
        headers.cookie = `alumni_lens_session=${credentials.session.id}`;
        if (credentials.csrf) headers['x-csrf-token'] = credentials.session.csrfToken;
      }
      if (credentials.origin !== undefined) headers.origin = credentials.origin;
      if (contentType !== undefined && body !== undefined) headers['content-type'] = contentType;
      const qs = search.toString();
      return { operation, method: operation.method, url: `${context.api}${concrete}${qs ? `?${qs}` : ''}`, headers, body };
    });
}
