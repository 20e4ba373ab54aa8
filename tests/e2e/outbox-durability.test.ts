import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumnusId, introductionsFor, tokens } from './support/api';
import { startBackend, type Backend } from './support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { ClosedShadow, eventually } from './support/closed-shadow';
import { configureExtension, ExtensionControl, stopWorker } from './support/extension';
import { startFixtureSite, type FixtureSite } from './support/fixture-site';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { screenshot } from './support/screenshots';
import { sidebarShown, sidebarText } from './support/ui';

// Principle 2: nothing logged is ever lost or doubled — across a backend outage, the worker being
// terminated and the whole browser restarting.

let backend: Backend;
let site: FixtureSite;
let extension: ExtensionBrowser | undefined;
let userDataDir: string;

beforeAll(async () => {
  backend = await startBackend();
  site = await startFixtureSite(Object.keys(linkedinPages).map((url) => new URL(url).hostname), linkedinPages);
});

afterAll(async () => {
  await extension?.close().catch(() => undefined);
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  await site?.close();
  await backend?.dispose();
});

function launch(profile?: string): Promise<ExtensionBrowser> {
  return launchWithExtension({ hosts: site.hosts, sitePort: site.port, userDataDir: profile });
}

describe('An introduction logged while the backend is down', () => {
  it('is kept through worker termination and a browser restart, and arrives exactly once when the backend is back', async () => {
    const sofiaId = await alumnusId(backend.url, 'Sofia Andersson Reyes');
    extension = await launch();
    userDataDir = extension.userDataDir;
    await configureExtension(extension, { apiUrl: backend.url, token: tokens.recruiter });
    const control = await ExtensionControl.open(extension);
    await control.waitForSync();

    const page = await extension.newPage();
    await page.goto(linkedin.sofia, { waitUntil: 'load' });
    const shadow = await ClosedShadow.attach(page);
    const sidebar = await sidebarShown(shadow);

    await backend.stop();
    await shadow.select(sidebar, '.al-intro-form select', 'rehire');
    await shadow.type(sidebar, '.al-intro-form textarea', 'Asked about coming back as Design Lead');
    await shadow.click(sidebar, '.al-intro-form button[type="submit"]');
    await sidebarText(shadow, (t) => t.includes('Saved. It will be sent to the backend as soon as it can be reached.'), 'the introduction to show as queued');
    expect(await shadow.attributes(sidebar, '.al-intro-form', 'data-state')).toEqual(['queued']);
    await screenshot(page, 'introduction-queued');
    expect((await control.send('ui:get-status', {})).pendingOutbox).toBe(1);

    // Chrome stops an idle worker at any time (stopWorker proves the old one is gone; the open sidebar's
    // status polling may start a fresh one at once); then the user quits the browser.
    await stopWorker(extension);
    await extension.close();

    extension = await launch(userDataDir);
    const afterRestart = await ExtensionControl.open(extension);
    expect((await afterRestart.send('ui:get-status', {})).pendingOutbox).toBe(1);
    // The backend is still down: nothing could have been delivered yet.
    expect(await introductionsFor(backend.url, sofiaId).catch(() => 'unreachable')).toBe('unreachable');

    await backend.start();
    const arrived = await eventually(
      async () => {
        const held = await introductionsFor(backend.url, sofiaId);
        return held.length > 0 ? held : undefined;
      },
      'the queued introduction to reach the backend',
      120_000,
      1000,
    );
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ alumnusId: sofiaId, kind: 'rehire', note: 'Asked about coming back as Design Lead' });

    await eventually(
      async () => ((await afterRestart.send('ui:get-status', {})).pendingOutbox === 0 ? true : undefined),
      'the outbox to be empty',
      30_000,
      500,
    );
    // Later retries, a sync, or another restart never send it twice.
    await afterRestart.send('ui:sync-now', {});
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await introductionsFor(backend.url, sofiaId)).toHaveLength(1);
  });
});
