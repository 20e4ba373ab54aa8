import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from '../../utils/sites/linkedin';
import { parsePage, readFixture } from './support';

// The logged-in company overview (written/li-company-overview-loggedin.html): the Voyager Company
// record is read first, the top card is the fallback when LinkedIn ships no island or renders it late.

const URL_ = 'https://www.linkedin.com/company/mirai-bank-example/';
const html = readFixture('linkedin/written/li-company-overview-loggedin.html');

function organizations(page: string, url = URL_) {
  const result = linkedinAdapter.extract(parsePage(page, url), 'company', new URL(url));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostic));
  return result.signals.organizations;
}

const withoutIslands = html.replace(/<code style="display: none" id="(datalet-)?bpr-guid-\d+">[\s\S]*?<\/code>\n/g, '');

describe('logged-in LinkedIn company overview', () => {
  it('takes the name from the Voyager record over a truncated heading', () => {
    const truncated = html.replace(/(<h1[^>]*>)\s*株式会社みらい銀行\s*</, '$1株式会社みらい…<');
    expect(organizations(truncated)).toEqual([{ name: '株式会社みらい銀行', url: 'https://www.linkedin.com/company/mirai-bank-example', domain: 'mirai-bank.example' }]);
  });

  it('falls back to the top card heading and its "Visit website" button without Voyager data', () => {
    expect(withoutIslands).not.toContain('bpr-guid');
    expect(organizations(withoutIslands)).toEqual([{ name: '株式会社みらい銀行', url: 'https://www.linkedin.com/company/mirai-bank-example', domain: 'mirai-bank.example' }]);
  });

  it('never takes a LinkedIn link on the top card for the website', () => {
    const linkedInLink = withoutIslands.replace(/href="https:\/\/www\.mirai-bank\.example\/"/g, 'href="https://www.linkedin.com/company/mirai-bank-example/life/"');
    expect(organizations(linkedInLink)).toEqual([{ name: '株式会社みらい銀行', url: 'https://www.linkedin.com/company/mirai-bank-example' }]);
  });
});
