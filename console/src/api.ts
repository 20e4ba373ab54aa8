import * as z from 'zod/mini';
import {
  ApiError,
  Interest,
  InterestList,
  Offer,
  OffersPage,
  Organization,
  OrganizationsPage,
  type OfferInput,
  type OfferPatch,
  type OrganizationInput,
} from '../../utils/api';
import {
  AlumniFacets,
  AlumniSearchPage,
  AlumnusDetail,
  AuditPage,
  ImportJob,
  ImportJobList,
  ImportPreview,
  MeetingList,
  NewToken,
  Overview,
  Session,
  TokenHolderList,
  type AlumniSearchQuery,
  type TokenInput,
} from '../../utils/api/console';

/** An answer the console could not use: the server's error (code, message) or a broken contract. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ConsoleApiOptions {
  fetch?: typeof fetch;
  /** The API's base, same origin as the console. */
  base?: string;
  /** The session's CSRF token, sent with every change. */
  csrfToken: () => string | undefined;
  /** Any 401: the session ended (expired, revoked, signed out elsewhere). */
  onSignedOut?: (code: string) => void;
}

type Init = { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>; query?: Record<string, string | number | undefined> };

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The console's API client. The session cookie goes with every request by itself (same origin, HttpOnly: this
 * code never sees it); changes carry the CSRF token. Every answer is parsed with the shared contract.
 */
export function createConsoleApi(options: ConsoleApiOptions) {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.base ?? '/api/v1';

  async function send(path: string, init: Init = {}): Promise<Response> {
    const method = init.method ?? (init.json !== undefined || init.body !== undefined ? 'POST' : 'GET');
    const url = new URL(`${base}${path}`, globalThis.location?.origin ?? 'http://localhost');
    for (const [key, value] of Object.entries(init.query ?? {})) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const csrf = options.csrfToken();
    if (unsafe.has(method) && csrf) headers['x-csrf-token'] = csrf;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiFailure(0, 'network', error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const body = await response.json().catch(() => undefined);
      const parsed = ApiError.safeParse(body);
      const code = parsed.success ? parsed.data.error.code : `http_${response.status}`;
      const issues = parsed.success ? (parsed.data.error.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`) : [];
      const message = parsed.success ? [parsed.data.error.message, ...issues].join(' ') : `HTTP ${response.status}`;
      if (response.status === 401 && path !== '/session') options.onSignedOut?.(code);
      throw new ApiFailure(response.status, code, message);
    }
    return response;
  }

  async function request<T extends z.core.$ZodType>(schema: T, path: string, init?: Init): Promise<z.infer<T>> {
    const response = await send(path, init);
    const parsed = z.safeParse(schema, await response.json().catch(() => undefined));
    if (!parsed.success) throw new ApiFailure(response.status, 'contract', `Unexpected answer from ${path}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  /** Every record of a delta-sync feed (offers, organisations): the console reads the same feeds as clients. */
  async function everything<T>(path: string, schema: z.core.$ZodType, key: string): Promise<T[]> {
    const items: T[] = [];
    let since: string | undefined;
    for (;;) {
      const page = (await request(schema, path, { query: { limit: 5000, since } })) as Record<string, unknown> & { cursor: string; complete: boolean };
      items.push(...(page[key] as T[]));
      if (page.complete) return items;
      since = page.cursor;
    }
  }

  const csv = (file: Blob) => ({ body: file, headers: { 'content-type': 'text/csv' } });

  return {
    session: () => request(Session, '/session'),
    signIn: (token: string) => request(Session, '/session', { json: { token } }),
    signOut: () => send('/session', { method: 'DELETE' }),
    overview: () => request(Overview, '/console/overview'),
    searchAlumni: (query: AlumniSearchQuery) => request(AlumniSearchPage, '/console/alumni', { query: query as Init['query'] }),
    alumniFacets: () => request(AlumniFacets, '/console/alumni/facets'),
    alumnus: (id: string) => request(AlumnusDetail, `/console/alumni/${encodeURIComponent(id)}`),
    eraseAlumnus: (id: string) => send(`/admin/alumni/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    offers: () => everything<Offer>('/offers', OffersPage, 'offers'),
    createOffer: (input: OfferInput) => request(Offer, '/admin/offers', { json: input }),
    updateOffer: (id: string, patch: OfferPatch) => request(Offer, `/admin/offers/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch }),
    closeOffer: (id: string) => request(Offer, `/admin/offers/${encodeURIComponent(id)}/close`, { method: 'POST' }),
    offerMeetings: (offerId: string) =>
      request(MeetingList, `/console/offers/${encodeURIComponent(offerId)}/meetings`).then((list) => list.meetings),
    interests: (offerId?: string) => request(InterestList, '/interests', { query: { offerId } }).then((list): Interest[] => list.interests),
    organizations: () => everything<Organization>('/organizations', OrganizationsPage, 'organizations'),
    saveOrganization: ({ id, ...body }: OrganizationInput) =>
      request(Organization, `/admin/organizations/${encodeURIComponent(id)}`, { method: 'PUT', json: body }),
    deleteOrganization: (id: string) => send(`/admin/organizations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    tokens: () => request(TokenHolderList, '/admin/tokens').then((list) => list.tokens),
    createToken: (input: TokenInput) => request(NewToken, '/admin/tokens', { json: input }),
    revokeToken: (id: string) => send(`/admin/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    audit: (before?: string) => request(AuditPage, '/admin/audit', { query: { before } }),
    previewImport: (file: Blob, encoding?: string) => request(ImportPreview, '/admin/imports/preview', { ...csv(file), query: { encoding } }),
    startImport: (file: Blob, options: { encoding?: string; skipInvalid: boolean; fileName?: string }) =>
      request(ImportJob, '/admin/imports', {
        ...csv(file),
        query: { encoding: options.encoding, skipInvalid: String(options.skipInvalid), fileName: options.fileName },
      }),
    importJob: (id: string) => request(ImportJob, `/admin/imports/${encodeURIComponent(id)}`),
    cancelImport: (id: string) => request(ImportJob, `/admin/imports/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
    imports: () => request(ImportJobList, '/admin/imports').then((list) => list.jobs),
    exportUrl: (kind: 'introductions' | 'interests' | 'meetings') => `${base}/admin/exports/${kind}.csv`,
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
