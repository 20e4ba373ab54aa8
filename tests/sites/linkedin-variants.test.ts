import { describe, expect, it } from 'vitest';
import { findAdapter, type Extraction } from '../../utils/sites/index';
import { loadPage, parsePage } from './support';

// Layout variants the saved pages do not cover, built from their anchors: what a redesign that
// drops one source of data leaves the adapter to fall back on.

function extract(html: string, href: string): Extraction {
  const url = new URL(href);
  const found = findAdapter(url);
  if (!found) throw new Error(`no adapter for ${href}`);
  return found.adapter.extract(parsePage(html, href), found.kind, url);
}

describe('LinkedIn layout variants', () => {
  it('names the company from "(2) Audiense: People | LinkedIn" when the People tab has no heading', () => {
    const html = `<html><head><title>(2) Audiense: People | LinkedIn</title></head><body><main><ul>
      <li class="org-people-profile-card__profile-card-spacing"><div class="artdeco-entity-lockup__title"><a href="/in/marcosruiz?miniProfileUrn=x">Marcos Ruiz</a></div></li>
      </ul></main></body></html>`;
    const result = extract(html, 'https://www.linkedin.com/company/audiense/people/');
    expect(result.ok && result.signals.organizations).toEqual([{ name: 'Audiense', url: 'https://www.linkedin.com/company/audiense' }]);
    expect(result.ok && result.signals.people).toEqual([{ name: 'Marcos Ruiz', profileUrl: 'https://www.linkedin.com/in/marcosruiz' }]);
  });

  it('reads employers and months from JSON-LD when the experience list is missing, schools excluded', () => {
    const ld = {
      '@context': 'http://schema.org',
      '@graph': [
        {
          '@type': 'Person',
          name: '山田 太郎',
          worksFor: [{ '@type': 'Organization', name: 'LINEヤフー株式会社', member: { '@type': 'OrganizationRole', startDate: '2020-10' } }],
          alumniOf: [
            { '@type': 'Organization', name: '株式会社さくらデジタル', member: { '@type': 'OrganizationRole', startDate: '2012-04', endDate: '2020-09' } },
            { '@type': 'EducationalOrganization', name: '早稲田大学', member: { '@type': 'OrganizationRole', startDate: 2010, endDate: 2012 } },
          ],
        },
      ],
    };
    const html = `<html><head><title>山田 太郎 - LINEヤフー株式会社 | LinkedIn</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head>
      <body><main><section><h1>山田 太郎</h1></section></main></body></html>`;
    const result = extract(html, 'https://jp.linkedin.com/in/%E5%B1%B1%E7%94%B0-%E5%A4%AA%E9%83%8E-1a2b3c?trk=people-guest');
    expect(result.ok && result.signals.people[0]).toEqual({
      name: '山田 太郎',
      profileUrl: 'https://www.linkedin.com/in/%E5%B1%B1%E7%94%B0-%E5%A4%AA%E9%83%8E-1a2b3c',
      currentOrganization: 'LINEヤフー株式会社',
      experience: [
        { organization: 'LINEヤフー株式会社', from: '2020-10', to: null },
        { organization: '株式会社さくらデジタル', from: '2012-04', to: '2020-09' },
      ],
    });
  });

  it('does not trust an <h1> that neither structured data nor the <title> confirms', () => {
    const html = '<html><head><title>Page not found | LinkedIn</title></head><body><main><h1>This page doesn’t exist</h1></main></body></html>';
    const result = extract(html, 'https://www.linkedin.com/in/sofia-andersson-reyes/');
    expect(result.ok).toBe(false);
  });

  it('reads the profile behind an overlay URL (contact info) as the profile itself', () => {
    const html = '<html><head><title>(1) Sofia Andersson Reyes | LinkedIn</title></head><body><main><section><h1>Sofia Andersson Reyes</h1></section></main></body></html>';
    const result = extract(html, 'https://www.linkedin.com/in/sofia-andersson-reyes/overlay/contact-info/');
    expect(result.ok && result.signals.people[0]).toEqual({ name: 'Sofia Andersson Reyes', profileUrl: 'https://www.linkedin.com/in/sofia-andersson-reyes' });
  });

  it('reads 2025-style search results whose only stable anchors are data-view-name and the profile link', () => {
    const result = (name: string, slug: string, headline: string) => `
      <li class="kYqvBnTxPwLmZ">
        <div data-view-name="search-entity-result-universal-template" data-chameleon-result-urn="urn:li:member:1">
          <div class="qWnRtYpLmKjH"><a class="zXcVbNmQwErT" href="https://www.linkedin.com/in/${slug}?miniProfileUrn=x" aria-hidden="true"><img alt="${name}" src="x.jpg"></a></div>
          <div class="aSdFgHjKlQwE">
            <span class="tYuIoPaSdFgH"><a class="hJkLzXcVbNmQ" href="https://www.linkedin.com/in/${slug}?miniProfileUrn=x"><span dir="ltr"><span aria-hidden="true">${name}</span><span class="visually-hidden">View ${name}’s profile</span></span></a></span>
            <span class="mNbVcXzLkJhG"><span aria-hidden="true">• 2nd</span><span class="visually-hidden">2nd degree connection</span></span>
            <div class="pOiUyTrEwQaS">${headline}</div>
            <div class="lKjHgFdSaZxC">Madrid, Spain</div>
            <p class="wErTyUiOpAsD"><strong>Current:</strong> ${headline}</p>
          </div>
          <div class="gHjKlMnBvCxZ"><button aria-label="Invite ${name} to connect"><span>Connect</span></button></div>
        </div>
      </li>`;
    const html = `<html><head><title>(4) Search | LinkedIn</title></head><body><main><ul>${result('Marcos Ruiz', 'marcosruiz', 'Site Reliability Engineer at Audiense')}${result('Ingrid Holm', 'ingrid-holm', 'Engineer at Klarna')}</ul></main></body></html>`;
    const extraction = extract(html, 'https://www.linkedin.com/search/results/people/?keywords=audiense');
    expect(extraction.ok && extraction.signals.people.map(({ name, headline, profileUrl }) => ({ name, headline, profileUrl }))).toEqual([
      { name: 'Marcos Ruiz', headline: 'Site Reliability Engineer at Audiense', profileUrl: 'https://www.linkedin.com/in/marcosruiz' },
      { name: 'Ingrid Holm', headline: 'Engineer at Klarna', profileUrl: 'https://www.linkedin.com/in/ingrid-holm' },
    ]);
    expect(extraction.ok && extraction.nameElements.map((element) => element?.textContent)).toEqual(['Marcos Ruiz', 'Ingrid Holm']);
  });

  it('takes the company domain from the About website row when JSON-LD is gone (its href is a LinkedIn redirect)', () => {
    const href = 'https://uk.linkedin.com/company/audiense';
    const doc = loadPage('linkedin/li-company-public-2024.html', href);
    for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) script.remove();
    const url = new URL(href);
    const result = findAdapter(url)!.adapter.extract(doc, 'company', url);
    expect(result.ok && result.signals.organizations).toEqual([{ name: 'Audiense', url: 'https://www.linkedin.com/company/audiense', domain: 'audiense.com' }]);
  });
});
