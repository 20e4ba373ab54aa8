import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from '../../utils/sites/linkedin';
import { allPages, type GeneratedPage } from './generations/index';
import { score } from './generations/score';
import { parsePage } from './support';

// The LinkedIn readers on pages written from meaning in every markup generation — Ember until 2025,
// Ember of 2025–2026, the 2026 app, and random layouts nobody has seen (tests/sites/generations/) —
// in English and Japanese. The fixtures prove the readers on real pages; these prove they do not
// depend on any one page's classes, tags, nesting or order.

const pages = allPages();
const label = (page: GeneratedPage) => `${page.kind} · ${page.generation}${page.variant ? ` (${page.variant})` : ''} · ${page.lang} · seed ${page.seed}`;

describe.each(pages.map((page) => [label(page), page] as const))('%s', (_label, page) => {
  it('reads every person on it, and nobody else', () => {
    const url = new URL(page.url);
    const kind = linkedinAdapter.detect(url);
    expect(kind).toBe(page.kind);
    const result = linkedinAdapter.extract(parsePage(page.html, page.url), kind!, url);
    const { correct, expected, wrong, problems } = score(page.people, result, page.notNames);
    expect(problems).toEqual([]);
    expect({ correct, wrong }).toEqual({ correct: expected, wrong: 0 });
    if (page.organization && result.ok) expect(result.signals.organizations.map((org) => org.name)).toEqual([page.organization]);
  });
});
