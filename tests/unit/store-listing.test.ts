// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const listing = readFileSync(join(root, 'store', 'listing.md'), 'utf8');

/** The paragraph after a bold heading within one language's section. */
function field(section: string, heading: string): string {
  const part = listing.split(/^## /m).find((s) => s.startsWith(section)) ?? '';
  return (new RegExp(`\\*\\*${heading}\\*\\*\\n\\n([\\s\\S]+?)(?:\\n\\n\\*\\*|$)`).exec(part)?.[1] ?? '').trim();
}

describe('The store listing', () => {
  it.each([
    ['English', 'Short description', 'Long description', 'en'],
    ['日本語', '短い説明', '詳しい説明', 'ja'],
  ])('%s: the short description is the manifest’s and fits the stores (132 characters); a long one follows', (section, short, long, locale) => {
    const manifest = JSON.parse(readFileSync(join(root, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    expect(field(section, short)).toBe(manifest.extDescription!.message);
    expect([...field(section, short)].length).toBeLessThanOrEqual(132);
    expect(field(section, long).length).toBeGreaterThan(400);
  });

  it('names only pictures that exist, each 1280×800', () => {
    const pictures = [...listing.matchAll(/`(\d-[\w-]+\.png)`/g)].map((m) => m[1]!);
    expect(pictures.length).toBeGreaterThanOrEqual(3);
    for (const picture of pictures) {
      const png = readFileSync(join(root, 'store', 'screenshots', picture));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], picture).toEqual([1280, 800]);
    }
  });
});
