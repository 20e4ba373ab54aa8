import { describe, expect, it } from 'vitest';
import { guardName, nameFromLabel } from '../../utils/sites/linkedin/name-guard';

// The name guard (utils/sites/linkedin/name-guard.ts, tables in ui-words.ts): LinkedIn's UI text that
// sits where names are — in English and Japanese — is never taken for a person, and decorations around
// a name are trimmed, not kept.

const refused = (text: string) => {
  const verdict = guardName(text);
  return verdict.ok ? `accepted as ${verdict.name}` : verdict.reason;
};

describe('name guard', () => {
  it.each([
    ['Status is offline', 'presence'],
    ['Status is online', 'presence'],
    ['Status is reachable', 'presence'],
    ['オフライン', 'presence'],
    ['ステータス: オフライン', 'presence'],
    ['LinkedIn Member', 'placeholder'],
    ['LinkedInメンバー', 'placeholder'],
    ['LinkedIn メンバー', 'placeholder'],
    ['2nd', 'degree'],
    ['3rd+', 'degree'],
    ['• 3rd+', 'degree'],
    ['· 2nd', 'degree'],
    ['3rd+ degree connection', 'degree'],
    ['· 2nd degree connection', 'degree'],
    ['2次', 'degree'],
    ['· 3次', 'degree'],
    ['3次のつながり', 'degree'],
    ['Premium', 'badge'],
    ['Verified', 'badge'],
    ['Open to work', 'badge'],
    ['#OpenToWork', 'badge'],
    ["I'm Hiring", 'badge'],
    ['View Aarav Menon’s profile', 'link-words'],
    ['View Priya Devi S’ profile', 'link-words'],
    ['Maya Ben-David’s profile picture', 'link-words'],
    ['山田 太郎さんのプロフィールを表示', 'link-words'],
    ['Connect', 'action'],
    ['つながる', 'action'],
    ['Message', 'action'],
    ['500+ connections', 'count'],
    ['Ananya and 24 other mutual connections', 'count'],
    ['Connected on May 17, 2026', 'count'],
    ['2026年5月17日につながりました', 'count'],
    ['⭐⭐⭐', 'not-a-name'],
    ['·', 'not-a-name'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(refused(text)).toBe(reason);
  });

  it.each([
    ["Priya Sharma ⭐I'm Hiring⭐", 'Priya Sharma'],
    ['Priya Sharma ⭐採用中⭐', 'Priya Sharma'],
    ['🚲  Pablo Serrano', 'Pablo Serrano'],
    ['Ross Martin 🚀', 'Ross Martin'],
    ['Lucía Fernández 🌍 #OpenToWork', 'Lucía Fernández'],
    ['Ana Ruiz | #OpenToWork', 'Ana Ruiz'],
    ['Kenji Sato 🇯🇵', 'Kenji Sato'],
  ])('trims the decoration of %j', (text, name) => {
    expect(guardName(text)).toEqual({ ok: true, name });
  });

  it.each(['山本 美咲', 'Ｓhota Kimura', 'SM NAHIAN', 'Divya K.', 'Priya Devi S', "James O'Connor", 'Jean-Luc Picard', 'מאיה בן-דוד', 'محمد أحمد', 'Nguyễn Văn An'])(
    'accepts the name %j as it is',
    (name) => {
      expect(guardName(name)).toEqual({ ok: true, name });
    },
  );

  it('removes bidi marks around a right-to-left name', () => {
    expect(guardName('\u200Fמאיה בן-דוד\u200F')).toEqual({ ok: true, name: 'מאיה בן-דוד' });
  });
});

describe('names in accessible labels', () => {
  it.each([
    ['Invite Md Arif Chowdhury to connect', 'Md Arif Chowdhury'],
    ['Send a message to Maya Ben-David', 'Maya Ben-David'],
    ['Message Ｓhota Kimura  ', 'Ｓhota Kimura'],
    ['Follow Meera Subramanian', 'Meera Subramanian'],
    ['More actions for Takeshi Kobayashi', 'Takeshi Kobayashi'],
    ['View Priya Devi S’ profile', 'Priya Devi S'],
    ['Takeshi Kobayashi’s profile picture, hiring', 'Takeshi Kobayashi'],
    ["Priya Sharma ⭐I'm Hiring⭐’s profile picture", 'Priya Sharma'],
    ['山田 太郎さんにつながりを申請する', '山田 太郎'],
    ['佐藤 陽翔さんにメッセージを送信', '佐藤 陽翔'],
    ['小林 武さんのプロフィール写真、採用中', '小林 武'],
  ])('%j names %j', (label, name) => {
    expect(nameFromLabel(label)).toBe(name);
  });

  it.each(['Message', 'More', 'Show more actions', 'Invite LinkedIn Member to connect', 'LinkedInメンバーさんにつながりを申請する', 'Cover photo', 'Home, 1 new notification'])(
    '%j names nobody',
    (label) => {
      expect(nameFromLabel(label)).toBeUndefined();
    },
  );
});
