import { readFileSync } from 'node:fs';
import { Marked } from 'marked';

// Build-time only (wxt.config.ts): PRIVACY.md and PRIVACY.ja.md become static pages inside the extension,
// privacy/en.html and privacy/ja.html, which the options page links to. The policy thus travels with the very
// version it describes and opens without any network. The pages hold no script.

const SOURCES = { en: 'PRIVACY.md', ja: 'PRIVACY.ja.md' } as const;
export type PolicyLang = keyof typeof SOURCES;

/** Where each language's page lands in the build (and what the options page links to). */
export const privacyPagePath = (lang: PolicyLang) => `privacy/${lang}.html`;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Links between the two policies point at each other's page; links to other repository files (the
 * deployment guide, the changelog) are not in the extension, so they stay as plain text; web links stay.
 */
function rewriteHref(href: string): string | null {
  if (/^https?:\/\//.test(href)) return href;
  if (href === SOURCES.en) return 'en.html';
  if (href === SOURCES.ja) return 'ja.html';
  return null;
}

export function renderPrivacyPage(markdown: string, lang: PolicyLang): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      link({ href, tokens }) {
        const text = this.parser.parseInline(tokens);
        const target = rewriteHref(href);
        return target ? `<a href="${escapeHtml(target)}">${text}</a>` : text;
      },
      html({ text }) {
        // The policy is Markdown only; raw HTML in it would be shown as text, never run.
        return escapeHtml(text);
      },
    },
  });
  const body = marked.parse(markdown, { async: false });
  const title = /^# (.+)$/m.exec(markdown)?.[1] ?? 'Privacy';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; --text: #1f1f1f; --muted: #5f6368; --bg: #ffffff; --line: #dadce0; --link: #0a66c2; }
  @media (prefers-color-scheme: dark) { :root { --text: #e8eaed; --muted: #9aa0a6; --bg: #1b1f23; --line: #3c4043; --link: #70b5f9; } }
  body { margin: 0 auto; max-width: 820px; padding: 24px 20px 64px; background: var(--bg); color: var(--text);
         font: 15px/1.6 system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', Meiryo, sans-serif; }
  a { color: var(--link); }
  h1 { font-size: 26px; } h2 { font-size: 19px; margin-top: 32px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
  table { border-collapse: collapse; width: 100%; font-size: 14px; }
  th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
  code { font-size: 13px; }
</style>
</head>
<body>
${body}</body>
</html>
`;
}

/** Both pages as WXT public files, read from the repository root. */
export function privacyPages(root: string): Array<{ relativeDest: string; contents: string }> {
  return (Object.keys(SOURCES) as PolicyLang[]).map((lang) => ({
    relativeDest: privacyPagePath(lang),
    contents: renderPrivacyPage(readFileSync(`${root}/${SOURCES[lang]}`, 'utf8'), lang),
  }));
}
