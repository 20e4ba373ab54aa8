import { describe, expect, it } from 'vitest';
import { buildIndex, organizationKey, organizationKeys, registrableDomain } from '../../utils/recognition';
import { findFormerMention } from '../../utils/recognition/headline';
import { CompanyMatcher } from '../../utils/recognition/organizations';
import { loadEvalDirectory } from './evaluate';

describe('organisation names', () => {
  it('drops Japanese, English and European legal forms', () => {
    const key = organizationKey('Sakura Digital');
    for (const name of ['Sakura Digital Inc.', 'Sakura Digital Co., Ltd.', 'SAKURA DIGITAL K.K.', 'Sakura Digital GmbH', 'Sakura Digital S.A.', 'Sakura Digital Corporation', 'Sakura Digital LLC'])
      expect(organizationKey(name)).toBe(key);
    expect(organizationKey('株式会社さくらデジタル')).toBe(organizationKey('さくらデジタル'));
    expect(organizationKey('㈱サクラデジタル')).toBe(organizationKey('さくらデジタル'));
    expect(organizationKey('Mærsk A/S')).toBe(organizationKey('Maersk'));
  });

  it('keeps similar names apart', () => {
    expect(organizationKey('My Navi Travel')).not.toBe(organizationKey('Mynavi'));
    expect(organizationKey('Sakura Digital Travel')).not.toBe(organizationKey('Sakura Digital'));
    expect(organizationKeys('Sakura Digital · Full-time')).toContain(organizationKey('Sakura Digital'));
    expect(organizationKeys('さくらデジタル（旧サクラソフト）')).toContain(organizationKey('サクラソフト'));
  });

  it('reads “former member” headlines, not bare mentions or longer names', () => {
    const company = new CompanyMatcher(['Sakura Digital', 'さくらデジタル', 'Sakura Soft', 'サクラソフト']);
    for (const headline of ['ex-Sakura Digital', '元さくらデジタル', 'サクラソフト出身', 'Sakura Digital OB', 'Former designer at Sakura Digital', 'Engineer at X | ex-Sakura Soft Inc.'])
      expect(findFormerMention(headline, company)).not.toBeNull();
    for (const headline of ['Engineer at Sakura Digital', 'ex-Sakura Digital Travel', '元さくらデジタルトラベル', 'Sakura Digitalization lead'])
      expect(findFormerMention(headline, company)).toBeNull();
  });

  it('quotes the mention with whole words around it, marking where the headline goes on', () => {
    const company = new CompanyMatcher(['Sakura Digital']);
    expect(findFormerMention('Senior Engineer at Infosys | ex-Sakura Digital', company)).toBe('…at Infosys | ex-Sakura Digital');
    expect(findFormerMention('ex-Sakura Digital, now building payments platforms at scale', company)).toBe('ex-Sakura Digital, now building…');
    expect(findFormerMention('ex-Sakura Digital', company)).toBe('ex-Sakura Digital');
  });

  it('finds the registrable domain with the public-suffix list', () => {
    expect(registrableDomain('https://careers.example.co.jp/jobs?id=1')).toBe('example.co.jp');
    expect(registrableDomain('www.sakura-digital.example')).toBe('sakura-digital.example');
    expect(registrableDomain('blog.audiense.com')).toBe('audiense.com');
    expect(registrableDomain('127.0.0.1')).toBeNull();
    expect(registrableDomain('not a domain')).toBeNull();
    expect(registrableDomain(undefined)).toBeNull();
  });

  it('takes a name under a private suffix (github.io, herokuapp.com) as its own organisation, not the hosting service', () => {
    expect(registrableDomain('https://acme.github.io/team')).toBe('acme.github.io');
    expect(registrableDomain('docs.acme.github.io')).toBe('acme.github.io');
    expect(registrableDomain('x.herokuapp.com')).toBe('x.herokuapp.com');
    expect(registrableDomain('github.io')).toBeNull();
  });

  it('matches organisation signals by profile URL, domain and name, and lists alumni working there', () => {
    const { alumni, organizations } = loadEvalDirectory();
    const index = buildIndex(alumni, organizations);
    expect(index.matchOrganization({ name: 'Whatever', url: 'https://jp.linkedin.com/company/audiense/people/' })).toBe('org-audiense');
    expect(index.matchOrganization({ name: 'Blog', url: 'https://blog.audiense.com/post' })).toBe('org-audiense');
    expect(index.matchOrganization({ name: '株式会社メルカリ' })).toBe('org-mercari');
    expect(index.matchOrganization({ name: 'LinkedIn', url: 'https://www.linkedin.com/company/unknown' })).toBeNull();
    expect(index.matchOrganization({ name: 'My Navi Travel' })).toBeNull();
    const atAudiense = index.alumniAt('org-audiense');
    expect(atAudiense).toEqual(expect.arrayContaining(['al-julien', 'al-marcos']));
    // Records naming the employer without its id are attributed through the organisation's names.
    const audienseStaff = alumni.filter((a) => a.consent.recognition && a.currentEmployer?.name === 'Audiense').map((a) => a.id);
    expect(atAudiense.sort()).toEqual(audienseStaff.sort());
    expect(index.alumniAt('org-mercari')).toEqual(expect.arrayContaining(['al-kobayashi-naoki', 'al-sato-ken-2']));
    expect(index.alumniAt('org-nowhere')).toEqual([]);
  });
});
