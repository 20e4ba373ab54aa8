import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * Firefox has no --host-resolver-rules: it is pointed at this proxy instead (network.proxy.* prefs). HTTPS
 * requests for the impersonated hosts (CONNECT www.linkedin.com:443) are tunnelled to the fixture server on
 * 127.0.0.1; every other host is refused at once, as Chromium's `MAP * ~NOTFOUND` does. Loopback (the
 * backend) never goes through a proxy in Firefox.
 */
export async function startConnectProxy(hosts: string[], sitePort: number): Promise<ConnectProxy> {
  const allowed = new Set(hosts.map((host) => host.toLowerCase()));
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => {
    response.writeHead(502, { 'content-type': 'text/plain' }).end('Only the impersonated https sites are reachable in the tests.');
  });
  server.on('connect', (request, client: Socket) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const host = (request.url ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!allowed.has(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(sitePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
