// npm run --silent extract -- --url URL [--org-domain DOMAIN]... FILE.html
// Runs the extension's site adapters on a saved page under happy-dom and prints the page signals as
// JSON. An unrecognised page prints its diagnostic (stdout, JSON) and a sentence (stderr), exit 1;
// bad arguments exit 2.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { findAdapter, orgWebsiteAdapter, type Extraction } from '../utils/sites/index';
import { parseHtml } from './saved-pages/node-dom';
import { detectOrgWebsite } from './saved-pages/org-domain';

const Args = z.object({
  url: z.string().refine((value) => URL.canParse(value) && /^https?:/i.test(value), 'expected an http(s) URL'),
  orgDomains: z.array(z.string().min(1).max(253)),
  file: z.string().min(1),
});

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run --silent extract -- --url URL [--org-domain DOMAIN]... FILE.html\n`);
  process.exit(2);
}

function parse(): z.infer<typeof Args> {
  let parsed;
  try {
    parsed = parseArgs({ options: { url: { type: 'string' }, 'org-domain': { type: 'string', multiple: true } }, allowPositionals: true });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const args = Args.safeParse({ url: parsed.values.url, orgDomains: parsed.values['org-domain'] ?? [], file: parsed.positionals[0] });
  if (!args.success) usage(args.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('\n'));
  if (parsed.positionals.length !== 1) usage('expected exactly one FILE.html');
  return args.data;
}

function extract(html: string, url: URL, orgDomains: Set<string>): Extraction {
  const page = parseHtml(html, url.href);
  try {
    const found = findAdapter(url);
    if (found) return found.adapter.extract(page.document, found.kind, url);
    if (detectOrgWebsite(url, orgDomains)) return orgWebsiteAdapter.extract(page.document, 'org-website', url);
    return { ok: false, diagnostic: { adapter: 'none', missing: 'an adapter for this URL', url: url.href.slice(0, 2048) } };
  } finally {
    void page.close();
  }
}

async function main(): Promise<void> {
  const args = parse();
  let html: string;
  try {
    html = await readFile(args.file, 'utf8');
  } catch (error) {
    usage(`cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = extract(html, new URL(args.url), new Set(args.orgDomains.map((d) => d.toLowerCase())));
  if (result.ok) {
    process.stdout.write(`${JSON.stringify(result.signals, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${JSON.stringify(result.diagnostic, null, 2)}\n`);
  process.stderr.write(`not recognised: ${result.diagnostic.adapter} ${result.diagnostic.pageKind ?? ''} is missing ${result.diagnostic.missing}\n`);
  process.exitCode = 1;
}

await main();
