import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl } from '../../utils/recognition';

describe('profile URL canonicalisation', () => {
  it('ignores scheme, host prefix, case, trailing slash, query, fragment, locale and sub-pages', () => {
    const canonical = 'linkedin.com/in/sofia-andersson-reyes';
    for (const url of [
      'https://www.linkedin.com/in/sofia-andersson-reyes',
      'https://www.linkedin.com/in/sofia-andersson-reyes/',
      'http://se.linkedin.com/in/Sofia-Andersson-Reyes',
      'https://www.linkedin.com/in/sofia-andersson-reyes/?locale=ja_JP',
      'https://www.linkedin.com/in/sofia-andersson-reyes/de',
      'https://www.linkedin.com/in/sofia-andersson-reyes/details/experience/',
      'linkedin.com/in/sofia-andersson-reyes#about',
    ])
      expect(canonicalProfileUrl(url)).toBe(canonical);
  });

  it('keeps different people different and decodes percent-encoding', () => {
    expect(canonicalProfileUrl('https://www.linkedin.com/in/sofia-andersson-reyes-2')).not.toBe('linkedin.com/in/sofia-andersson-reyes');
    expect(canonicalProfileUrl('https://www.linkedin.com/in/%E5%B1%B1%E7%94%B0')).toBe('linkedin.com/in/山田');
    expect(canonicalProfileUrl('https://github.com/MRossi?tab=repositories')).toBe('github.com/mrossi');
    expect(canonicalProfileUrl('https://www.wantedly.com/id/yui_yoshida/post_articles')).toBe('wantedly.com/id/yui_yoshida');
  });

  it('rejects what is not a web URL', () => {
    for (const junk of ['javascript:alert(1)', 'mailto:a@b.c', '', 'https://', 42, null]) expect(canonicalProfileUrl(junk)).toBeNull();
  });
});
