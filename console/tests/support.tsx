import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { Session } from '../../utils/api/console';
import { App } from '../src/App';

// The console's components in a test DOM, against a stand-in for the backend that answers contract-shaped JSON and
// records what it was asked (the real server is tested in tests/server and, with this UI, in tests/e2e/console).

type Handler = (request: { method: string; path: string; headers: Headers; body?: unknown }) => { status: number; body?: unknown };

export function fakeBackend(routes: Record<string, Handler>) {
  const requests: { method: string; path: string; headers: Headers }[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    requests.push({ method, path: url.pathname + url.search, headers });
    const handler = routes[`${method} ${url.pathname}`];
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const reply = handler ? handler({ method, path: url.pathname, headers, body }) : { status: 404, body: { error: { code: 'not_found', message: 'No route' } } };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export const session = (role: Session['user']['role']): Session => ({
  user: { name: role === 'admin' ? 'Aiko Mori' : 'Kenji Watanabe', role },
  csrfToken: 'csrf-123',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
});

export async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 1));
  });
}

/** Lets the stand-in's answers arrive until `found` sees what the test waits for (2 s at most). */
export async function until(found: () => unknown) {
  for (let i = 0; i < 200 && !found(); i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

export async function mount(container: HTMLElement, fetch: typeof globalThis.fetch) {
  await act(() => {
    render(<App fetch={fetch} />, container);
  });
  await settle();
}
