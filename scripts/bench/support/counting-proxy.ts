import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of the backend that counts what the directory feeds send over the wire
 * (bodies as sent, compressed or not) and which Accept-Encoding the client asked with. `refuseSnapshot` makes
 * it answer GET /directory/snapshot with 404, as a backend before the snapshot did: the extension then syncs
 * page by page (the baseline).
 */
export interface CountingProxy {
  url: string;
  refuseSnapshot: boolean;
  /** Body bytes of /api/v1/directory… answers since the last reset, and their count. */
  directoryBytes: number;
  directoryRequests: number;
  acceptEncoding: Set<string>;
  /** Every request since the last reset: when (performance.now()), method and path, and when its answer ended. */
  requests: Array<{ at: number; path: string; ended?: number }>;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const proxy: CountingProxy = {
    url: '',
    refuseSnapshot: false,
    directoryBytes: 0,
    directoryRequests: 0,
    acceptEncoding: new Set(),
    requests: [],
    reset() {
      proxy.requests = [];
      proxy.directoryBytes = 0;
      proxy.directoryRequests = 0;
      proxy.acceptEncoding.clear();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const entry: CountingProxy['requests'][number] = { at: performance.now(), path: `${incoming.method} ${path}` };
    proxy.requests.push(entry);
    outgoing.on('finish', () => (entry.ended = performance.now()));
    const counted = path.startsWith('/api/v1/directory');
    if (counted) {
      proxy.directoryRequests++;
      proxy.acceptEncoding.add(String(incoming.headers['accept-encoding'] ?? '(none)'));
    }
    if (proxy.refuseSnapshot && path.startsWith('/api/v1/directory/snapshot') && incoming.method !== 'OPTIONS') {
      incoming.resume();
      outgoing.writeHead(404, { 'content-type': 'application/json', 'access-control-allow-origin': String(incoming.headers.origin ?? '*') });
      outgoing.end(JSON.stringify({ error: { code: 'not_found', message: 'No snapshot (baseline run).' } }));
      return;
    }
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => {
          if (counted) proxy.directoryBytes += chunk.length;
        });
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
