import { describe, expect, it } from 'vitest';
import { detectOrgWebsite } from '../../scripts/saved-pages/org-domain';
import { orgWebsiteAdapter, orgWebsiteText, rangesFor } from '../../utils/sites/index';
import { visibleText } from '../../utils/sites/visible-text';
import { loadPage, parsePage } from './support';

// Organisation websites: detection by registrable domain against the directory's domains, the
// visible text for the name scanner, and the way back from a hit's offsets to DOM ranges.

const domains = new Set(['audiense.com', 'sakura-digital.example']);

describe('detectOrgWebsite', () => {
  it.each([
    ['https://www.audiense.com/team', 'audiense.com'],
    ['https://audiense.com/', 'audiense.com'],
    ['https://blog.eu.audiense.com/post?id=1', 'audiense.com'],
    ['http://careers.sakura-digital.example/jobs', 'sakura-digital.example'],
  ])('%s belongs to %s', (url, domain) => {
    expect(detectOrgWebsite(new URL(url), domains)).toBe(domain);
  });

  it.each([
    'https://audiense.com.evil.example/',
    'https://notaudiense.com/',
    'https://www.linkedin.com/company/audiense',
    'file:///home/me/audiense.com/index.html',
    'http://127.0.0.1:8787/demo/',
  ])('%s is not an organisation website', (url) => {
    expect(detectOrgWebsite(new URL(url), domains)).toBeUndefined();
  });

  it('reads a name under a private suffix as its own organisation: acme.github.io is not every github.io site', () => {
    const onGithubPages = new Set(['acme.github.io']);
    expect(detectOrgWebsite(new URL('https://acme.github.io/about/'), onGithubPages)).toBe('acme.github.io');
    expect(detectOrgWebsite(new URL('https://other.github.io/about/'), onGithubPages)).toBeUndefined();
  });

  it('never claims a networking site even when the directory lists its domain', () => {
    expect(detectOrgWebsite(new URL('https://www.linkedin.com/feed/'), new Set(['linkedin.com']))).toBeUndefined();
  });
});

describe('visible text and ranges', () => {
  it('maps a name split by inline markup back to one range per text node', () => {
    const doc = loadPage('org-website/audiense-team.html', 'https://www.audiense.com/team');
    const visible = orgWebsiteText(doc);
    const start = visible.text.indexOf('Julien Moreau');
    const ranges = rangesFor(visible, start, start + 'Julien Moreau'.length);
    expect(ranges.map((range) => range.toString())).toEqual(['Julien', ' Moreau']);
    expect(ranges[0].startContainer.parentElement?.tagName).toBe('STRONG');
  });

  it('keeps block elements apart so neighbouring cells do not form a name', () => {
    const doc = parsePage('<table><tr><td>Marcos</td><td>Ruiz</td></tr></table><ul><li>Julien</li><li>Moreau</li></ul>');
    const { text } = visibleText(doc.body);
    expect(text).not.toContain('Marcos Ruiz');
    expect(text).not.toContain('Julien Moreau');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Marcos Ruiz Julien Moreau');
  });

  it("keeps a name apart from the text the page's styles put on another line", () => {
    // The demo Hikari Healthcare team card: no whitespace between the name and the title, only CSS.
    document.body.innerHTML =
      '<style>.member strong { display: block }</style><div class="member"><strong>Isabel García</strong><span class="meta">Partner Success Manager</span></div>';
    const visible = visibleText(document.body);
    expect(visible.text).toBe('Isabel García\nPartner Success Manager');
    expect(rangesFor(visible, 0, 'Isabel García'.length).map((range) => range.toString())).toEqual(['Isabel García']);
  });

  it('reads whitespace between inline elements as a space, and markup inside a word as nothing', () => {
    const doc = parsePage('<p><span>Isabel</span>\n  <span>García</span></p><p>Isabel Gar<em>cí</em>a</p><p><b>山田</b><b>太郎</b></p>');
    const visible = visibleText(doc.body);
    expect(visible.text).toBe('Isabel García\nIsabel García\n山田太郎');
    const start = visible.text.lastIndexOf('Isabel Gar');
    expect(rangesFor(visible, start, start + 'Isabel García'.length).map((range) => range.toString())).toEqual(['Isabel Gar', 'cí', 'a']);
    expect(rangesFor(visible, 0, 'Isabel García'.length).map((range) => range.toString())).toEqual(['Isabel', 'García']);
  });

  it('stops at the size bound and says so', () => {
    const doc = parsePage(`<p>${'Sakura Digital alumni '.repeat(10_000)}</p>`);
    const visible = visibleText(doc.body, 1000);
    expect(visible.text.length).toBeLessThanOrEqual(1000);
    expect(visible.truncated).toBe(true);
  });

  it('skips ranges over text nodes removed since the scan', () => {
    const doc = parsePage('<p>Marcos Ruiz</p>');
    const visible = visibleText(doc.body);
    doc.querySelector('p')?.remove();
    expect(rangesFor(visible, 0, 11)).toEqual([]);
  });
});

describe('orgWebsiteAdapter.extract', () => {
  it('names the organisation by og:site_name, with the page origin and registrable domain', () => {
    const url = new URL('https://www.audiense.com/team');
    const result = orgWebsiteAdapter.extract(loadPage('org-website/audiense-team.html', url.href), 'org-website', url);
    expect(result.ok && result.signals.organizations).toEqual([{ name: 'Audiense', url: 'https://www.audiense.com', domain: 'audiense.com' }]);
  });

  it('falls back to the <title> part the home link repeats, then to the domain', () => {
    const url = new URL('https://sakura-digital.example/');
    const titled = orgWebsiteAdapter.extract(loadPage('org-website/sakura-digital-home.html', url.href), 'org-website', url);
    expect(titled.ok && titled.signals.organizations[0].name).toBe('株式会社さくらデジタル');
    const bare = orgWebsiteAdapter.extract(parsePage('<p>hello</p>'), 'org-website', url);
    expect(bare.ok && bare.signals.organizations[0].name).toBe('sakura-digital.example');
  });
});
