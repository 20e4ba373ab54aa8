// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundWorker } from '../../../utils/background/worker';
import { countAlumni, getMeta, readAlumni } from '../../../utils/db';
import { configure, contentScriptSender, freshProfile, send, startWorker, syncNow } from './support/harness';
import { alumnus } from './support/records';
import { type ScriptedBackend, snapshotBody, startScriptedBackend } from './support/scripted-backend';
import type { Alumnus } from '../../../utils/api';
import { buildIndex, INDEX_FORMAT } from '../../../utils/recognition';

// A first sync from the backend's directory snapshot (issue 11): one request, the records stored as they came,
// the index built from the snapshot's recognition columns; deltas from its cursor after that.

let backend: ScriptedBackend;
let worker: BackgroundWorker;

beforeEach(async () => {
  freshProfile();
  backend = await startScriptedBackend();
  backend.snapshots = true;
});
afterEach(async () => {
  await worker?.stop();
  await backend.close();
});

const profile = (name: string, profileUrl?: string) => ({
  url: 'https://www.linkedin.com/in/someone',
  signals: {
    site: 'linkedin',
    pageKind: 'profile' as const,
    people: [{ name, ...(profileUrl ? { profileUrl } : {}), experience: [{ organization: 'Sakura Digital', from: '2012-04', to: '2015-03' }] }],
    organizations: [],
  },
});
const matched = async (name: string) => (await send('page:match', profile(name), contentScriptSender())).people.map((p) => p.alumnus.id);

const many = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    alumnus(`s${i}`, {
      names: { display: `Person${i} Example`, latin: `Person${i} Example` },
      profileUrls: [`https://www.linkedin.com/in/person-${i}`],
      tenure: [{ from: '2012-04', to: '2015-03' }],
    }),
  );

describe('first sync from a snapshot', () => {
  it('takes the directory in one request, stores every record and recognises from it; later syncs ask for deltas', async () => {
    backend.upsert('directory', ...many(600), alumnus('E2001'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
    const directory = backend.requests.filter((r) => r.includes('/directory'));
    expect(directory[0]).toBe('GET /api/v1/directory/snapshot');
    // Then only what changed after the snapshot's cursor: one (empty) delta page.
    expect(directory.slice(1)).toEqual([expect.stringMatching(/^GET \/api\/v1\/directory\?since=601&/)]);
    const db = (await worker.ready).db;
    expect(await countAlumni(db)).toBe(601);
    expect(await readAlumni(db, ['s599', 'E2001'])).toEqual([expect.objectContaining({ id: 's599' }), alumnus('E2001')]);
    expect(await matched('Person123 Example')).toEqual(['s123']);
    expect(await matched('Sofia Andersson Reyes')).toEqual(['E2001']);
    expect((await send('ui:get-status', {})).directorySize).toBe(601);

    // A change and a removal after the snapshot arrive as a delta from its cursor.
    backend.requests.length = 0;
    backend.upsert('directory', alumnus('s5', { names: { display: 'Renamed Person', latin: 'Renamed Person' }, tenure: [{ from: '2012-04', to: '2015-03' }] }));
    backend.remove('directory', 's7');
    await syncNow(worker);
    expect(backend.requests.filter((r) => r.includes('/directory'))).toEqual([expect.stringMatching(/^GET \/api\/v1\/directory\?since=601&/)]);
    expect(await readAlumni(db, ['s5', 's7'])).toEqual([expect.objectContaining({ names: expect.objectContaining({ display: 'Renamed Person' }) }), null]);
    expect(await matched('Renamed Person')).toEqual(['s5']);
    expect(await matched('Person7 Example')).not.toContain('s7');
    expect(await countAlumni(db)).toBe(600);
  });

  it('leaves nothing of a removed alumnus in storage: their snapshot line is gone, not hidden', async () => {
    backend.upsert('directory', ...many(300), alumnus('gone', { names: { display: 'Withdrawn Person', latin: 'Withdrawn Person' } }));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    const db = (await worker.ready).db;
    const storedText = async () => (await db.getAll('directory')).map((chunk) => new TextDecoder().decode(chunk.bytes)).join('');
    expect(await storedText()).toContain('Withdrawn Person');

    backend.remove('directory', 'gone');
    await syncNow(worker);
    expect(await storedText()).not.toContain('Withdrawn Person');
    expect((await db.getAll('directory')).flatMap((chunk) => chunk.ids)).not.toContain('gone');
    expect((await getMeta(db, 'index'))?.serialized).not.toContain('Withdrawn');
  });

  const twoRecords = () => snapshotBody([alumnus('a1'), alumnus('a2')], '9');
  it.each([
    ['a header that breaks the contract', `${JSON.stringify({ format: 'alumni-lens/directory-snapshot/1', cursor: '9', count: 1, recognition: {} })}\n{}\n`, 'does not match the API contract'],
    ['fewer lines than the header announces', () => twoRecords().slice(0, twoRecords().lastIndexOf('{"id":"a2"')), 'are not the 2 lines the header announces'],
    ['an index longer than the answer', () => twoRecords().replace(/"bytes":\d+/, '"bytes":99999999'), 'ends inside the 99999999-byte index'],
    ['a first line that is not JSON', 'not json\n', 'the first line is not JSON'],
  ])('rejects %s whole: nothing stored, no cursor, and the next good run succeeds', async (_, body, error) => {
    backend.upsert('directory', alumnus('a1'), alumnus('a2'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    const ctx = await worker.ready;
    backend.breakSnapshot(typeof body === 'function' ? body() : body);
    const failed = await syncNow(worker);
    expect(failed.state).toBe('error');
    expect(failed.lastError).toContain(error);
    expect(await countAlumni(ctx.db)).toBe(0);
    expect(await getMeta(ctx.db, 'cursor:directory')).toBeUndefined();

    expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
    expect(await countAlumni(ctx.db)).toBe(2);
  });

  it('shows nothing for a stored record that breaks the contract, and still shows the others', async () => {
    backend.upsert('directory', alumnus('ok'), alumnus('bad', { names: { display: 'Broken Record', latin: 'Broken Record' } }));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    const whole = await (await fetch(`${backend.url}/api/v1/directory/snapshot`, { headers: { authorization: 'Bearer recruiter-token' } })).text();
    // The line of "bad" loses its tenure (required): the header is fine, the record is not.
    backend.breakSnapshot(whole.replace(/("id":"bad".*?)"tenure":\[[^\]]*\],/, '$1'));
    expect(await syncNow(worker)).toMatchObject({ state: 'idle' });
    expect(await readAlumni((await worker.ready).db, ['ok', 'bad'])).toEqual([expect.objectContaining({ id: 'ok' }), null]);
    expect(await matched('Broken Record')).toEqual([]);
    expect(await matched('Sofia Andersson Reyes')).toEqual(['ok']);
  });

  it("recognises with the index the backend built, not one of its own, when it names exactly the snapshot's alumni", async () => {
    backend.upsert('directory', ...many(50));
    // The backend's index spells s7 as someone else: only an index loaded as received finds that name.
    backend.snapshotIndex = (records) => ({
      format: INDEX_FORMAT,
      text: buildIndex(records.map((r) => (r.id === 's7' ? { ...r, names: { display: 'Zed Elsewhere', latin: 'Zed Elsewhere' } } : r)), []).serialize(),
    });
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
    expect(await matched('Zed Elsewhere')).toEqual(['s7']);
    expect((await send('ui:get-diagnostics', {})).repaired ?? []).toEqual([]);
  });

  it.each([
    ['in another format', (records: Alumnus[]) => ({ format: 'alumni-lens-recognition/1', text: buildIndex(records, []).serialize() }), 'in format alumni-lens-recognition/1'],
    ['naming other alumni', (records: Alumnus[]) => ({ format: INDEX_FORMAT, text: buildIndex(records.slice(1), []).serialize() }), 'does not name exactly the alumni'],
    ['that is damaged', () => ({ format: INDEX_FORMAT, text: 'not an index' }), 'could not be used'],
  ])("builds the index here from a snapshot whose index is %s, and says so in the diagnostics", async (_, index, reason) => {
    backend.upsert('directory', ...many(50));
    backend.snapshotIndex = index;
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
    expect(await matched('Person7 Example')).toEqual(['s7']);
    expect(await matched('Person0 Example')).toEqual(['s0']);
    expect(JSON.stringify((await send('ui:get-diagnostics', {})).repaired)).toContain(reason);
  });

  it('finds every stored alumnus again when the map of who is in which chunk is lost, and a delta rewrites it', async () => {
    backend.upsert('directory', ...many(600));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    await syncNow(worker);
    const db = (await worker.ready).db;
    await db.delete('meta', 'directoryMap');
    await worker.stop();
    worker = startWorker();
    const fresh = (await worker.ready).db;
    expect(await readAlumni(fresh, ['s599', 's0'])).toEqual([expect.objectContaining({ id: 's599' }), expect.objectContaining({ id: 's0' })]);
    backend.remove('directory', 's3');
    await syncNow(worker);
    expect(await countAlumni(fresh)).toBe(599);
    expect(await fresh.get('meta', 'directoryMap')).toMatchObject({ ids: expect.not.arrayContaining(['s3']) });
  });

  it('syncs page by page from a backend without snapshots (an older release answers 404)', async () => {
    backend.snapshots = false;
    backend.upsert('directory', alumnus('p1'), alumnus('p2'));
    await configure(backend.url, 'recruiter-token');
    worker = startWorker();
    expect(await syncNow(worker)).toMatchObject({ state: 'idle', lastError: null });
    expect(backend.requests.filter((r) => r.includes('/directory'))).toEqual([
      'GET /api/v1/directory/snapshot',
      expect.stringMatching(/^GET \/api\/v1\/directory\?limit=1000$/),
    ]);
    expect(await countAlumni((await worker.ready).db)).toBe(2);
  });
});
