import { describe, expect, it } from 'vitest';
import { detectOrgWebsite } from '../../scripts/saved-pages/org-domain';
import { findAdapter, orgWebsiteAdapter, orgWebsiteText, type Extraction } from '../../utils/sites/index';
import { loadPage, SIGNAL_FOLDERS, signalTruths, type SignalTruth } from './support';

// Every fixture whose ground truth is written in the page-signal shape (hand-written LinkedIn
// layouts, Wantedly, Xing, GitHub, organisation websites): the adapter chosen by the URL must give
// exactly the people, in page order and role, with names, headlines, employers and months.

const cases = SIGNAL_FOLDERS.flatMap((folder) => signalTruths(folder));

function extract(path: string, truth: SignalTruth): { result: Extraction; document: Document } {
  const url = new URL(truth.url);
  const document = loadPage(path, truth.url);
  const found = findAdapter(url);
  if (found) return { result: found.adapter.extract(document, found.kind, url), document };
  if (detectOrgWebsite(url, new Set(truth.domains))) return { result: orgWebsiteAdapter.extract(document, 'org-website', url), document };
  throw new Error(`no adapter for ${truth.url}`);
}

describe.each(cases)('%s', (path, truth) => {
  const { result, document } = extract(path, truth);
  if (!result.ok) throw new Error(`not extracted: ${JSON.stringify(result.diagnostic)}`);

  it(`is a ${truth.pageKind} page`, () => {
    expect(result.signals.pageKind).toBe(truth.pageKind);
  });

  it('reads each person with name, headline, profile URL, employer and months, in page order', () => {
    expect(result.signals.people).toEqual(truth.people.map(({ role: _role, ...person }) => person));
  });

  it('tells the subject from listed and side-rail people', () => {
    expect(result.roles).toEqual(truth.people.map((person) => person.role));
  });

  it('reads the organisations the page is about', () => {
    expect(result.signals.organizations).toEqual(truth.organizations);
  });

  it('puts each badge next to the element showing that name', () => {
    result.nameElements.forEach((element, index) => {
      if (!element) return;
      expect(element.textContent?.replace(/\s+/g, ' ')).toContain(result.signals.people[index].name.replace(/^🚲 /, ''));
    });
    expect(result.nameElements.length).toBe(result.signals.people.length);
  });

  it('never takes the viewer, schools, volunteering or side lists for people or employers', () => {
    const names = result.signals.people.map((person) => person.name);
    const employers = result.signals.people.flatMap((person) => person.experience?.map((entry) => entry.organization) ?? []);
    for (const absent of truth.absent) {
      expect(names).not.toContain(absent);
      expect(employers).not.toContain(absent);
    }
  });

  if (truth.visibleNames) {
    it('gives the name scanner the visible text only', () => {
      const { text } = orgWebsiteText(document);
      for (const name of truth.visibleNames ?? []) expect(text.split(name).length - 1).toBe(1);
      for (const hidden of truth.hiddenNames ?? []) expect(text).not.toContain(hidden);
    });
  }
});
