import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alumnus } from '../../utils/api';
import { tokens } from './support/api';
import { linkedin, linkedinPages } from './support/linkedin-pages';
import { loadSyntheticAlumni, snapshotHolding } from './support/large-directory';
import { startStory, type Story } from './support/story';
import { sidebarShown, sidebarText } from './support/ui';

// A recruiter whose company has 100,000 alumni installs the extension (issue 11): the first sync is one directory
// snapshot with the index the backend built, and recognition works on a profile straight after. Slow by nature
// (the backend builds the snapshot of 100,000 records first); E2E_LARGE_DIRECTORY sets another size.

const SIZE = Number(process.env.E2E_LARGE_DIRECTORY ?? 100_000);
let story: Story;
let directory: Alumnus[];

beforeAll(async () => {
  story = await startStory({
    token: tokens.recruiter,
    pages: linkedinPages,
    prepare: async (backend) => {
      directory = await loadSyntheticAlumni(backend.database(), SIZE);
      await snapshotHolding(backend.url, tokens.recruiter, directory.filter((a) => a.consent.recognition).length);
    },
    syncTimeoutMs: 300_000,
  });
}, 900_000);

afterAll(async () => {
  await story?.dispose();
});

/** What the worker recorded of its first sync from a snapshot (utils/db/schema.ts, snapshotTimings). */
type SnapshotTimings = { records: number; fetchMs: number; indexMs: number; storeMs: number };
async function snapshotTimings(): Promise<SnapshotTimings | undefined> {
  const worker = await story.extension.worker();
  return worker.evaluate(
    () =>
      new Promise<SnapshotTimings | undefined>((resolve, reject) => {
        const open = indexedDB.open('alumni-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('snapshotTimings');
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as SnapshotTimings | undefined);
          };
        };
      }),
  );
}

describe(`A recruiter's first sync of ${SIZE.toLocaleString('en')} alumni`, () => {
  it('takes the whole directory from one snapshot and keeps every consenting alumnus', async () => {
    const consenting = directory.filter((a) => a.consent.recognition).length;
    const status = await story.control.send('ui:get-status', {});
    expect(status.sync.state).toBe('idle');
    expect(status.sync.lastError).toBeNull();
    // The demo company's own consenting alumni are there too.
    expect(status.directorySize).toBeGreaterThan(consenting);
    const timings = await snapshotTimings();
    expect(timings?.records).toBe(status.directorySize);
  });

  it('recognises an alumna on her LinkedIn profile, and any of the 100,000 by name and profile URL', async () => {
    const { page, shadow } = await story.open(linkedin.sofia);
    await sidebarShown(shadow);
    const text = await sidebarText(shadow, (t) => t.includes('Confirmed alumnus'), 'her confirmed card');
    expect(text).toContain('Sofia Andersson Reyes');
    await page.close();

    const someone = directory.filter((a) => a.consent.recognition && a.profileUrls?.length).at(-1)!;
    const reply = await story.control.send('page:match', {
      url: someone.profileUrls![0],
      signals: { site: 'linkedin', pageKind: 'profile', people: [{ name: someone.names.latin ?? someone.names.display, profileUrl: someone.profileUrls![0] }], organizations: [] },
    });
    expect(reply.people.map((p) => [p.alumnus.id, p.confidence])).toEqual([[someone.id, 'confirmed']]);
    // A withheld alumnus (no consent to recognition) is not in the browser at all.
    const withheld = directory.find((a) => !a.consent.recognition && a.profileUrls?.length)!;
    const none = await story.control.send('page:match', {
      url: withheld.profileUrls![0],
      signals: { site: 'linkedin', pageKind: 'profile', people: [{ name: withheld.names.latin ?? withheld.names.display, profileUrl: withheld.profileUrls![0] }], organizations: [] },
    });
    expect(none.people.map((p) => p.alumnus.id)).not.toContain(withheld.id);
  });
});
