import { z } from 'zod';
import {
  ApiError as ApiErrorBody,
  DirectoryPage,
  Interest,
  InterestInput,
  Introduction,
  IntroductionInput,
  IntroductionList,
  Me,
  Meeting,
  MeetingEventInput,
  MeetingInput,
  MeetingsPage,
  MyProfile,
  OffersPage,
  OrganizationsPage,
  DIRECTORY_SNAPSHOT_TYPE,
  type RecordLines,
  Showcase,
  ShowcaseInput,
  SnapshotHeader,
  splitRecordLines,
  Suggestion,
  SuggestionInput,
} from '../api';
import { ApiError, AuthError, ContractError, NetworkError, ServerError } from './errors';

export interface BackendConfig {
  /** Base URL without `/api/v1`, as stored in `local:config`. */
  apiUrl: string;
  token: string;
}

export interface BackendOptions {
  fetch?: typeof fetch;
  /** Per request; a hung backend must not hold a sync or an outbox item forever. */
  timeoutMs?: number;
}

export interface PageQuery {
  since?: string;
  limit?: number;
}

const Health = z.looseObject({});

/**
 * A typed client for /api/v1. Every answer is parsed with the shared contract (utils/api), and
 * every failure becomes one of the classes in errors.ts.
 */
export function createBackendClient(config: BackendConfig, options: BackendOptions = {}) {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  // A snapshot of a large directory is megabytes even compressed: give a slow link time for it.
  const snapshotTimeoutMs = Math.max(timeoutMs, 120_000);

  async function send(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    init: { query?: Record<string, string | number | undefined>; body?: unknown; auth?: boolean; accept?: string; timeoutMs?: number } = {},
  ): Promise<Response> {
    const url = new URL(`${config.apiUrl}/api/v1/${path}`);
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: init.accept ?? 'application/json' };
    if (init.auth !== false) headers.authorization = `Bearer ${config.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await doFetch(url, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(init.timeoutMs ?? timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (cause) {
      throw new NetworkError(config.apiUrl, cause);
    }
  }

  async function request<T extends z.core.$ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: T,
    init: { query?: Record<string, string | number | undefined>; body?: unknown; auth?: boolean } = {},
  ): Promise<z.infer<T>> {
    const response = await send(method, path, init);
    const endpoint = `${method} /api/v1/${path}`;
    const body = await readJson(response);
    if (!response.ok) throw errorFor(response.status, body);
    if (body === undefined && response.status !== 204) throw new ContractError(endpoint, 'the body is not JSON');
    const parsed = z.safeParse(schema, body);
    if (!parsed.success) throw new ContractError(endpoint, describe(parsed.error));
    return parsed.data;
  }

  /**
   * The whole directory in one answer (issue 11), or null from a backend without it (an older release: 404).
   * The header is parsed with the contract; the recognition index after it is handed over as text, for the engine
   * to load (and check); the records are kept as the bytes they came as, one per line, to be parsed when shown.
   * An answer whose parts do not add up to what the header announces is rejected whole.
   */
  async function directorySnapshot(): Promise<DirectorySnapshot | null> {
    const endpoint = 'GET /api/v1/directory/snapshot';
    const response = await send('GET', 'directory/snapshot', { accept: `${DIRECTORY_SNAPSHOT_TYPE}, application/json;q=0.5`, timeoutMs: snapshotTimeoutMs });
    if (response.status === 404) return null;
    if (!response.ok) throw errorFor(response.status, await readJson(response));
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (cause) {
      throw new NetworkError(config.apiUrl, cause);
    }
    const parsing = performance.now();
    const newline = bytes.indexOf(10);
    if (newline < 0) throw new ContractError(endpoint, 'there is no header line');
    let headerJson: unknown;
    try {
      headerJson = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline)));
    } catch {
      throw new ContractError(endpoint, 'the first line is not JSON');
    }
    const parsed = z.safeParse(SnapshotHeader, headerJson);
    if (!parsed.success) throw new ContractError(endpoint, describe(parsed.error));
    const header = parsed.data;
    const indexEnd = newline + 1 + header.index.bytes;
    if (indexEnd > bytes.length) throw new ContractError(endpoint, `the answer ends inside the ${header.index.bytes}-byte index`);
    let index: string;
    try {
      index = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(newline + 1, indexEnd));
    } catch {
      throw new ContractError(endpoint, 'the index is not UTF-8 text');
    }
    const lines = splitRecordLines(bytes.subarray(indexEnd), header.ids);
    if (!lines) throw new ContractError(endpoint, `the records are not the ${header.count} lines the header announces`);
    return { header, index, lines, parseMs: performance.now() - parsing };
  }

  return {
    apiUrl: config.apiUrl,
    directorySnapshot,
    health: () => request('GET', 'health', Health, { auth: false }).then(() => true as const),
    me: () => request('GET', 'me', Me),
    directoryPage: (query: PageQuery) => request('GET', 'directory', DirectoryPage, { query: { ...query } }),
    organizationsPage: (query: PageQuery) => request('GET', 'organizations', OrganizationsPage, { query: { ...query } }),
    offersPage: (query: PageQuery) => request('GET', 'offers', OffersPage, { query: { ...query } }),
    introductions: (alumnusId: string) =>
      request('GET', 'introductions', IntroductionList, { query: { alumnusId } }).then((list) => list.introductions),
    postIntroduction: (input: IntroductionInput) =>
      request('POST', 'introductions', Introduction, { body: IntroductionInput.parse(input) }),
    postInterest: (input: InterestInput) => request('POST', 'interests', Interest, { body: InterestInput.parse(input) }),
    /** Tells the programme's console how this client's outbox stands (counts only; 204, no body). */
    reportStatus: (outbox: { pending: number; failed: number }) =>
      request('POST', 'clients/status', z.undefined(), { body: { outbox } }).then(() => undefined),
    meetingsPage: (query: PageQuery) => request('GET', 'meetings', MeetingsPage, { query: { ...query } }),
    postMeeting: (input: MeetingInput) => request('POST', 'meetings', Meeting, { body: MeetingInput.parse(input) }),
    postMeetingEvent: (meetingId: string, input: MeetingEventInput) =>
      request('POST', `meetings/${encodeURIComponent(meetingId)}/events`, Meeting, { body: MeetingEventInput.parse(input) }),
    postSuggestion: (input: SuggestionInput) => request('POST', 'suggestions', Suggestion, { body: SuggestionInput.parse(input) }),
    /** The alumni role's own record, showcase and suggestions. */
    profile: () => request('GET', 'me/profile', MyProfile),
    /** The alumnus's showcase, or null before they first save one. */
    showcase: () =>
      request('GET', 'me/showcase', Showcase).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    putShowcase: (input: ShowcaseInput) => request('PUT', 'me/showcase', Showcase, { body: ShowcaseInput.parse(input) }),
  };
}

export type BackendClient = ReturnType<typeof createBackendClient>;

export interface DirectorySnapshot {
  header: SnapshotHeader;
  /** The serialised recognition index of the records, as the server built it (header.index.format). */
  index: string;
  lines: RecordLines;
  /** Milliseconds spent reading the parts once the bytes were in. */
  parseMs: number;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFor(status: number, body: unknown): Error {
  const parsed = ApiErrorBody.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : `http_${status}`;
  const reason = parsed.success ? reasonOf(parsed.data) : `HTTP ${status}`;
  if (status === 401 || status === 403) return new AuthError(status, reason);
  if (status >= 500) return new ServerError(status, reason);
  return new ApiError(status, code, reason);
}

function reasonOf(body: ApiErrorBody): string {
  const issues = body.error.issues?.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
  return issues.length > 0 ? `${body.error.message} (${issues.join('; ')})` : body.error.message;
}

function describe(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}
