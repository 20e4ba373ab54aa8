import { rmSync } from 'node:fs';
import { inject } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../server/index';
import { dataFolderFrom } from './pglite-template';

/**
 * The real backend with the demo company on 127.0.0.1 and a free port, for tests of the parts that talk to it. It
 * starts from a copy of the run's seeded template (its project's global setup provides `pgliteTemplate`), without
 * fsync; an in-memory server ran initdb and the seed first, about 5 s each. Closing it removes its folder.
 */
export async function startDemoServer(options: Omit<ServerOptions, 'port' | 'host' | 'dataDir' | 'inMemory' | 'databaseUrl' | 'seed'> = {}): Promise<RunningServer> {
  const dataDir = dataFolderFrom(inject('pgliteTemplate'), 'alumni-lens-demo-server-');
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  let server: RunningServer;
  try {
    server = await startServer({ durability: 'none', ...options, port: 0, host: '127.0.0.1', dataDir, seed: 'demo' });
  } catch (error) {
    remove();
    throw error;
  }
  return {
    ...server,
    async close() {
      try {
        await server.close();
      } finally {
        remove();
      }
    },
  };
}
