import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CorruptingProxy {
  url: string;
  /** From now on, every directory page is answered with `body` (null: passed on untouched again). */
  corruptDirectory(body: string | null): void;
  /** How many directory pages were answered with the corrupted body. */
  corruptedResponses(): number;
  close(): Promise<void>;
}

/**
 * A reverse proxy on 127.0.0.1 in front of the real backend that can corrupt `GET /api/v1/directory` answers,
 * as a broken middlebox or a buggy backend release would. Everything else passes through untouched.
 */
export async function startCorruptingProxy(backendUrl: string): Promise<CorruptingProxy> {
  const backend = new URL(backendUrl);
  let replacement: string | null = null;
  let corrupted = 0;

  const handle = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const isDirectory = (incoming.url ?? '').startsWith('/api/v1/directory');
    const upstream = forward(
      {
        host: backend.hostname,
        port: backend.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: backend.host, 'accept-encoding': 'identity' },
      },
      (answer) => {
        if (!isDirectory) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const replaced = answer.statusCode === 200 ? replacement : null;
          if (replaced !== null) corrupted += 1;
          const headers = { ...answer.headers };
          delete headers['content-length'];
          delete headers['content-encoding'];
          delete headers['etag'];
          outgoing.writeHead(answer.statusCode ?? 502, headers).end(replaced ?? body);
        });
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    corruptDirectory: (body) => {
      replacement = body;
    },
    corruptedResponses: () => corrupted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
