import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

import unitFileLists from './tests/unit-files.json' with { type: 'json' };

const { all: unitFiles, mocking: unitFilesMockingModules } = unitFileLists;

const serverTests: { environment: 'node'; globalSetup: string[]; isolate: boolean; testTimeout: number; hookTimeout: number } = {
  environment: 'node',
  globalSetup: ['tests/server/global-setup.ts'],
  // One module graph for the server files (none replaces a module): loading the server again for each was ~2 s a file.
  isolate: false,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};
const serverFilesLong = ['tests/server/api-fuzz.test.ts', 'tests/server/cli-and-demo.test.ts'];
const serverFilesTimed = ['tests/server/import-responsiveness.test.ts'];

// Projects: fast unit tests (DOM + fake browser; the few that mock a module in a project of their own), server API tests over real HTTP
// against PGlite and PostgreSQL, end-to-end tests in Debian's Chromium, and the store packages.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: unitFiles,
          exclude: [...configDefaults.exclude, ...unitFilesMockingModules],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
          // A seeded backend template for the files that talk to the real server (tests/support/demo-server.ts).
          globalSetup: ['tests/unit/global-setup.ts'],
          // One module graph for all unit files instead of one each: loading zod, Preact and the engine again for
          // every file was 54 s of the project's 195 s, and a fresh DOM environment another 22 s. Each test sets up
          // what it uses (fakeBrowser.reset(), a fresh IDBFactory); files that replace a module need isolation.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // Files that replace a module with vi.mock: in a shared module graph the real one may already be loaded.
          name: 'unit-mocked',
          include: unitFilesMockingModules,
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...serverFilesLong, ...serverFilesTimed],
          ...serverTests,
        },
      },
      {
        extends: true,
        test: {
          // The request fuzzer (a fixed time budget per database) and the CLI starting real demo servers: a minute
          // each. scripts/test.sh runs them after the browser stories, in that stream.
          name: 'server-long',
          include: serverFilesLong,
          sequence: { groupOrder: 1 },
          ...serverTests,
        },
      },
      {
        extends: true,
        test: {
          // Times the server's answers during a 50,000-row import: scripts/test.sh runs it with nothing beside it.
          name: 'server-timed',
          include: serverFilesTimed,
          sequence: { groupOrder: 2 },
          ...serverTests,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One browser story at a time, in one worker that keeps puppeteer and the support modules loaded between
          // files (~2 s a file); each file launches and disposes its own browser and backend.
          fileParallelism: false,
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          // The store packages built, unpacked, linted and rebuilt from their sources (tests/package/).
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
