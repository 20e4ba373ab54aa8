// npm run --silent match -- --directory FILE --company NAME [--company ALIAS …] [--organizations FILE] [--page]
// Checks a list of people (JSON lines of person signals on stdin) against an alumni directory
// export and writes one JSON line per input line, in order:
//   {"alumnusId": string|null, "confidence": "confirmed"|"likely"|"possible"|null, "evidence": [string…]}
// A bad input line gets {"alumnusId": null, "confidence": null, "evidence": [], "error": "line N: …"}.
// With --page, stdin is one page's signals as `npm run --silent extract` prints them, read as the
// extension reads a page (its context as evidence, one alumnus one person: RecognitionIndex.matchPage),
// and each person of the page gets a line: {"ref", "name", "role", "alumnusId", "confidence", "evidence"}.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Alumnus, Organization } from '../utils/api';
import { evidenceSentences } from '../utils/i18n/evidence';
import { buildIndex, pageRoles, type CompanyNames, type RecognitionIndex } from '../utils/recognition';
import { Diagnostic, PageSignals, PersonSignal } from '../utils/signals/schema';

const USAGE = 'Usage: npm run --silent match -- --directory FILE --company NAME [--company ALIAS …] [--organizations FILE] [--page]';

const Options = z.object({
  directory: z.string({ error: 'needs --directory FILE' }).min(1, 'needs --directory FILE'),
  company: z.array(z.string().trim().min(1)).min(1, 'needs at least one --company NAME'),
  organizations: z.string().min(1).optional(),
  page: z.boolean().optional(),
});

function fail(message: string): never {
  process.stderr.write(`match: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readJsonArray(path: string, what: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`${what} ${path} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) fail(`${what} ${path} must be a JSON array of records`);
  return data;
}

/** Parses each record; bad ones are reported by position and left out, good ones kept. */
function parseRecords<T>(records: unknown[], schema: z.core.$ZodType<T>, what: string): T[] {
  const out: T[] = [];
  records.forEach((record, i) => {
    const parsed = z.safeParse(schema, record);
    if (parsed.success) out.push(parsed.data);
    else process.stderr.write(`match: ${what} record ${i + 1} skipped: ${describeIssues(parsed.error)}\n`);
  });
  return out;
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** One output line for one input line. */
export function answerLine(index: RecognitionIndex, company: CompanyNames, line: string, lineNumber: number): string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ alumnusId: null, confidence: null, evidence: [], error: `line ${lineNumber}: not valid JSON` });
  }
  const signal = PersonSignal.safeParse(json);
  if (!signal.success)
    return JSON.stringify({ alumnusId: null, confidence: null, evidence: [], error: `line ${lineNumber}: ${describeIssues(signal.error)}` });
  const match = index.matchPerson(signal.data, company);
  return JSON.stringify({
    alumnusId: match?.alumnusId ?? null,
    confidence: match?.confidence ?? null,
    evidence: match ? evidenceSentences(match.evidence, 'en') : [],
  });
}

/** The lines for one page's signals (the JSON `npm run extract` prints), one per person in page order. */
export function answerPage(index: RecognitionIndex, company: CompanyNames, text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail('stdin is not JSON: --page reads one page\'s signals, as `npm run --silent extract` prints them');
  }
  const signals = PageSignals.safeParse(json);
  if (!signals.success) {
    const diagnostic = Diagnostic.safeParse(json);
    if (diagnostic.success) fail(`the page was not read (${diagnostic.data.adapter} is missing ${diagnostic.data.missing}), so there is nothing to match`);
    fail(`stdin is not page signals: ${describeIssues(signals.error)}`);
  }
  const matches = new Map(index.matchPage(signals.data, company).map((match) => [match.ref, match]));
  const roles = pageRoles(signals.data);
  return signals.data.people.map((person, ref) => {
    const match = matches.get(ref);
    return JSON.stringify({
      ref,
      name: person.name,
      role: roles[ref],
      alumnusId: match?.alumnusId ?? null,
      confidence: match?.confidence ?? null,
      evidence: match ? evidenceSentences(match.evidence, 'en') : [],
    });
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: {
        directory: { type: 'string' },
        company: { type: 'string', multiple: true },
        organizations: { type: 'string' },
        page: { type: 'boolean' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const options = Options.safeParse({ ...values!, company: values!.company ?? [] });
  if (!options.success) fail(options.error.issues.map((i) => i.message).join('; '));
  const { directory, company: names, organizations, page } = options.data;
  const alumni = parseRecords(readJsonArray(directory, 'directory'), Alumnus, 'directory');
  const orgs = organizations ? parseRecords(readJsonArray(organizations, 'organizations'), Organization, 'organizations') : [];
  const index = buildIndex(alumni, orgs);
  const company: CompanyNames = { name: names[0], aliases: names.slice(1) };
  if (page) {
    for (const line of answerPage(index, company, await readStdin())) process.stdout.write(`${line}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    process.stdout.write(`${answerLine(index, company, line, lineNumber)}\n`);
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
