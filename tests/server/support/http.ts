/** A small HTTP client for the tests: real fetch over loopback, JSON in and out. */
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(
  url: string,
  init: { method?: string; token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body = init.body;
  if (init.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.json);
  }
  const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a demo page, say): the text is the body.
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export const tokens = {
  admin: 'demo-admin-token',
  recruiter: 'demo-recruiter-token',
  sales: 'demo-sales-token',
  alumni: 'demo-alumni-token',
} as const;
