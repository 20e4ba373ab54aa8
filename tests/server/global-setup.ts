/**
 * Starts a private PostgreSQL cluster for the server tests (when PostgreSQL is installed) on 127.0.0.1 and
 * a free port, hands its URL to the tests through `provide`, and removes it afterwards. Without PostgreSQL the
 * URL is null and every PostgreSQL variant fails with a message saying what to install.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preparePgliteTemplate } from '../support/pglite-template';
import { startPostgresCluster } from './support/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://…/postgres of the private cluster, or null when PostgreSQL is not installed. */
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster(['fsync=off', 'max_connections=200']);
  project.provide('postgresUrl', cluster?.url ?? null);
  project.provide('pgliteTemplate', await preparePgliteTemplate(join(process.cwd(), '.tmp', `pglite-template-${project.name}`)));
  return () => cluster?.stop();
}
