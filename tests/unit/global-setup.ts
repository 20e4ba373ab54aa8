import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preparePgliteTemplate } from '../support/pglite-template';

// The unit files that talk to the real backend (tests/unit/background) start it from this seeded template
// (tests/support/demo-server.ts).
export default async function setup(project: TestProject): Promise<void> {
  project.provide('pgliteTemplate', await preparePgliteTemplate(join(process.cwd(), '.tmp', 'pglite-template-unit'), { seed: 'demo' }));
}
