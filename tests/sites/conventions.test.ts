import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoAdapter } from '../../utils/sites/demo';
import { adapters, findAdapter, orgWebsiteAdapter, type SiteAdapter } from '../../utils/sites/index';
import { FIXTURES, LINKEDIN_2026, LINKEDIN_ORIGINALS, SIGNAL_FOLDERS, signalTruths } from './support';
import { pageExamples } from './page-examples';

// The meta-test that keeps the conventions true (refined-github keeps one too): every adapter file
// is registered, every adapter has match patterns, example URLs and anchors for each page kind it
// reads, and at least one saved or written page per kind; every fixture page is tested.

const SITES = join(__dirname, '..', '..', 'utils', 'sites');

function isAdapter(value: unknown): value is SiteAdapter {
  return typeof value === 'object' && value !== null && 'detect' in value && 'extract' in value && 'anchors' in value;
}

/** (adapter id, page kind) of every fixture with ground truth. */
function fixtureKinds(): { file: string; adapter: string; kind: string }[] {
  const originals = [...Object.entries(LINKEDIN_ORIGINALS), ...Object.entries(LINKEDIN_2026)].map(([file, page]) => ({ file, adapter: 'linkedin', kind: page.kind }));
  const written = SIGNAL_FOLDERS.flatMap(signalTruths).map(([file, truth]) => ({
    file,
    adapter: findAdapter(new URL(truth.url))?.adapter.id ?? 'org-website',
    kind: truth.pageKind,
  }));
  return [...originals, ...written];
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? htmlFiles(join(folder, entry.name)) : entry.name.endsWith('.html') ? [relative(FIXTURES, join(folder, entry.name))] : [],
  );
}

describe('site adapter conventions', () => {
  const all = [...adapters, orgWebsiteAdapter];

  // The demo adapter is registered by its own development-only content script (entrypoints/demo.content/)
  // and reads the demo pages the server serves, which are not fixtures of ours.
  it('registers every adapter exported from utils/sites/*.ts', async () => {
    const files = readdirSync(SITES).filter((name) => name.endsWith('.ts'));
    const exported: SiteAdapter[] = [];
    for (const file of files) {
      const module = (await import(join(SITES, file))) as Record<string, unknown>;
      exported.push(...Object.values(module).filter(isAdapter));
    }
    expect(exported.length).toBeGreaterThanOrEqual(5);
    for (const adapter of exported) expect([...all, demoAdapter], adapter.id).toContain(adapter);
  });

  it('gives every adapter a unique id', () => {
    expect(new Set(all.map((adapter) => adapter.id)).size).toBe(all.length);
  });

  it.each(adapters.map((adapter) => [adapter.id, adapter] as const))('%s declares https match patterns', (_id, adapter) => {
    expect(adapter.matches.length).toBeGreaterThan(0);
    for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/[^/]+\/.*\*$/);
  });

  it.each(all.map((adapter) => [adapter.id, adapter] as const))('%s has examples, anchors and a fixture for every page kind', (_id, adapter) => {
    const examples = pageExamples[adapter.id] ?? {};
    const kinds = Object.keys(examples);
    const fixtures = fixtureKinds();
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) {
      expect(examples[kind as keyof typeof examples]?.length, kind).toBeGreaterThan(0);
      expect(adapter.anchors[kind as keyof typeof adapter.anchors]?.length, kind).toBeGreaterThan(0);
      expect(fixtures.some((fixture) => fixture.adapter === adapter.id && fixture.kind === kind), `${adapter.id} ${kind} fixture`).toBe(true);
    }
  });

  it('tests every fixture page under tests/fixtures/', () => {
    const tested = new Set(fixtureKinds().map((fixture) => fixture.file));
    const untested = htmlFiles(FIXTURES).filter((file) => !tested.has(file));
    expect(untested).toEqual([]);
  });

  it('documents where every fixture folder came from', () => {
    const folders = new Set(htmlFiles(FIXTURES).map((file) => file.split('/').slice(0, -1).join('/')));
    for (const folder of folders) expect(readdirSync(join(FIXTURES, folder)), folder).toContain('README.md');
  });
});
