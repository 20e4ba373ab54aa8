// `npm run server -- --help` prints the commands (USAGE below). Every command takes --data / --database-url
// (or DATABASE_URL) to choose the database.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Me, Phone, Role } from '../utils/api';
import { defaultConsoleDir } from './console/serve-console';
import { parseEncodingName, UndecodableCsv } from './csv/decode';
import { importAlumniCsv } from './csv/import-alumni';
import { InvalidCsvFile } from './csv/parse-alumni-csv';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { defaultExtensionOrigins } from './http/cors';
import { isPublicSuffix } from './http/registrable-domains';
import { demoTokens } from './seed/demo-data';
import { commandLine, recordAudit } from './store/audit';
import { findOwnRecord } from './store/alumni';
import { setCompany } from './store/company';
import { createToken, listTokenHolders, revokeTokens } from './store/tokens';

const USAGE = `Alumni Lens backend

Usage: npm run server -- [COMMAND] [OPTIONS]

Commands:
  (none)                 serve the API (default http://127.0.0.1:8787/api/v1)
  migrate                apply pending schema migrations and exit
  token create --role admin|recruiter|sales --name "Full Name" [--email ADDRESS] [--phone NUMBER]
  token create --role alumni --alumnus EMPLOYEE_ID [--name "Full Name"]
                         make an API token (printed once); an alumni token names its directory record
  token list             who holds tokens
  token revoke --token TOKEN | --name "Full Name"
  import FILE.csv [--skip-invalid] [--encoding utf-8|shift_jis]
                         import the alumni directory from an HR export
  company set --name NAME [--alias ALIAS]... [--domain DOMAIN]...
                         the company's own names and domains

Options:
  --port N               port to listen on (default 8787; 0 picks a free one)
  --host HOST            address to listen on (default 127.0.0.1)
  --data DIR             embedded PGlite data folder (default .data)
  --database-url URL     PostgreSQL instead of PGlite (or DATABASE_URL=postgres://…)
  --seed demo            load the fictional demo company (loopback hosts only)
  --extension-origin ORIGIN
                         an extension origin CORS lets through (repeatable; or EXTENSION_ORIGINS="a b");
                         default: the development build's
Environment: DATABASE_URL, EXTENSION_ORIGINS, EXTENSION_DIR (a folder whose update manifest and CRX are
served under /extension/, see docs/deploy.md).
  -h, --help             show this help
`;

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
        seed: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        alias: { type: 'string', multiple: true },
        domain: { type: 'string', multiple: true },
        'skip-invalid': { type: 'boolean' },
        encoding: { type: 'string' },
        token: { type: 'string' },
        'extension-origin': { type: 'string', multiple: true },
        alumnus: { type: 'string' },
        email: { type: 'string' },
        phone: { type: 'string' },
      },
    });
  } catch (error) {
    // parseArgs throws on an unknown or malformed option: say which, and how to ask for help.
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { values, positionals } = readArguments();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const Options = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
  data: z.string().min(1).default('.data'),
  'database-url': z.string().regex(/^postgres(ql)?:\/\//, 'expected postgres://…').optional(),
  seed: z.literal('demo').optional(),
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const parsed = Options.safeParse({ ...values, 'database-url': values['database-url'] ?? process.env.DATABASE_URL });
if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
const options = parsed.data;
const databaseUrl = options['database-url'];
const where = databaseUrl ? 'PostgreSQL' : `PGlite in ${options.data}/`;

async function withDatabase(work: (db: Database, applied: number[]) => Promise<void>): Promise<void> {
  // A one-shot command has no requests to keep answering: PGlite in this thread starts ~1 s sooner than its own.
  const db = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: options.data, home: 'in-process' });
  try {
    await work(db, await migrate(db));
  } finally {
    await db.close();
  }
}

/** A comma- or space-separated list from the environment, or undefined when the variable is unset or empty. */
function envList(value: string | undefined): string[] | undefined {
  const items = value?.split(/[\s,]+/).filter(Boolean) ?? [];
  return items.length > 0 ? items : undefined;
}

async function serve() {
  const extensionOrigins = values['extension-origin'] ?? envList(process.env.EXTENSION_ORIGINS);
  // EXTENSION_DIR: a folder with updates.xml and the CRX, served under /extension/ (docs/deploy.md).
  const extensionDir = process.env.EXTENSION_DIR || undefined;
  // Loaded here: the server's routes and schemas cost every one-shot command ~0.7 s to load, and none uses them.
  const { startServer } = await import('./index');
  const server = await startServer({ port: options.port, host: options.host, dataDir: options.data, databaseUrl, seed: options.seed, extensionOrigins, extensionDir });
  // One write, so whoever reads the output sees the tokens together with the address.
  const lines = [
    `Alumni Lens backend on ${server.url}/api/v1 (${where}); OpenAPI at ${server.url}/api/v1/openapi.json`,
    `Console on ${server.url}/admin/${existsSync(join(defaultConsoleDir, 'index.html')) ? '' : ' (not built yet: npm run build:console)'}`,
    `Extension origins allowed by CORS: ${(extensionOrigins ?? defaultExtensionOrigins).join(', ')}`,
  ];
  if (options.seed === 'demo') {
    lines.push(`Demo company loaded. Tokens: ${demoTokens.map((t) => `${t.token} (${t.role})`).join(', ')}`);
    lines.push(`Demo pages (if present): ${server.url}/demo/`);
  }
  console.log(lines.join('\n'));
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const tokenUsage =
  'Usage: token create --role admin|recruiter|sales|alumni --name "Full Name" [--email ADDRESS] [--phone NUMBER]\n' +
  '       (alumni tokens: --alumnus EMPLOYEE_ID, the directory record they belong to; --name defaults to its name)';

async function tokenCreate() {
  const input = z
    .object({
      role: Role,
      name: z.string().trim().min(1).max(300).optional(),
      alumnus: z.string().trim().min(1).max(128).optional(),
      email: z.email().optional(),
      phone: z.string().optional().refine((v) => v === undefined || Phone.safeParse(v).success, 'expected a phone number such as +81 3-1234-5678'),
    })
    .refine((v) => (v.role === 'alumni') === (v.alumnus !== undefined), 'an alumni token names its alumnus (--alumnus); staff tokens do not')
    .refine((v) => v.role === 'alumni' || v.name !== undefined, 'staff tokens need --name')
    .safeParse(values);
  if (!input.success) fail(`${tokenUsage}\n${input.error.issues.map((i) => `${i.path.join('.') || 'token'}: ${i.message}`).join('\n')}`);
  const { role, alumnus: alumnusId, email, phone } = input.data;
  await withDatabase(async (db) => {
    // An alumni token is its alumnus's: the name defaults to theirs, and an unknown id is refused.
    const alumnus = alumnusId === undefined ? undefined : await findOwnRecord(db, alumnusId);
    if (alumnusId !== undefined && !alumnus) fail(`No alumnus ${alumnusId} in the directory.`);
    const name = input.data.name ?? alumnus!.names.display;
    const token = await createToken(db, role, name, { alumnusId, email, phone });
    await recordAudit(db, commandLine, 'token.create', undefined, { name, role, ...(alumnusId ? { alumnus: alumnusId } : {}) });
    console.error(`Token for ${name} (${role}${alumnusId ? `, alumnus ${alumnusId}` : ''}); it is shown only now, store it safely:`);
    console.log(token);
  });
}

async function tokenRevoke() {
  const which = values.token ? { token: values.token } : values.name ? { name: values.name } : fail('Usage: token revoke --token TOKEN | --name "Full Name"');
  await withDatabase(async (db) => {
    const revoked = await revokeTokens(db, which);
    if (revoked === 0) fail('No such token; nothing was revoked.');
    await recordAudit(db, commandLine, 'token.revoke', undefined, { ...('name' in which ? { name: which.name } : {}), count: revoked });
    console.log(`Revoked ${revoked} token(s).`);
  });
}

async function tokenList() {
  await withDatabase(async (db) => {
    for (const { name, role, created_at } of await listTokenHolders(db)) console.log(`${created_at.toISOString()}  ${role.padEnd(9)}  ${name}`);
  });
}

async function importFile(file: string | undefined) {
  if (!file) fail('Usage: import FILE.csv [--skip-invalid] [--encoding utf-8|shift_jis]');
  const bytes = await readFile(file).catch((error: Error) => fail(`Cannot read ${file}: ${error.message}`));
  await withDatabase(async (db) => {
    try {
      const { applied, report } = await importAlumniCsv(db, bytes, {
        skipInvalid: values['skip-invalid'] ?? false,
        encoding: parseEncodingName(values.encoding),
        onProgress: (message) => console.error(`… ${message}`),
      });
      for (const { line, reason } of report.errors) console.error(`line ${line}: ${reason}`);
      if (!applied) fail(`${report.errors.length} invalid row(s); nothing was imported (use --skip-invalid to import the rest).`);
      for (const { line, id } of report.erased) console.error(`line ${line}: ${id} was erased on request and is not imported again`);
      const invalid = report.skipped - report.erased.length;
      console.log(
        `Imported ${report.imported} new and ${report.updated} changed alumni; skipped ${invalid} invalid row(s) and ${report.erased.length} erased alumni.`,
      );
      await recordAudit(db, commandLine, 'import.succeeded', undefined, { file, imported: report.imported, updated: report.updated, skipped: report.skipped });
    } catch (error) {
      if (error instanceof UndecodableCsv) fail(error.message);
      if (error instanceof InvalidCsvFile) fail(`line ${error.line}: ${error.message}`);
      throw error;
    }
  });
}

async function companySet() {
  const input = Me.shape.company.safeParse({ name: values.name, aliases: values.alias ?? [], domains: values.domain ?? [] });
  if (!input.success) fail(`Usage: company set --name NAME [--alias ALIAS]… [--domain DOMAIN]…\n${input.error.message}`);
  const suffixes = input.data.domains.filter(isPublicSuffix);
  if (suffixes.length > 0) fail(`--domain ${suffixes.join(', ')}: a public suffix, not the company's own domain.`);
  await withDatabase((db) => setCompany(db, input.data));
  console.log(`Company set to ${input.data.name}.`);
}

async function main() {
  const [command, sub, argument] = positionals;
  if (command === undefined) return serve();
  if (command === 'token' && sub === 'create') return tokenCreate();
  if (command === 'token' && sub === 'revoke') return tokenRevoke();
  if (command === 'token' && sub === 'list') return tokenList();
  if (command === 'import') return importFile(sub);
  if (command === 'company' && sub === 'set') return companySet();
  if (command === 'migrate') {
    return withDatabase(async (_, applied) =>
      console.log(`Schema up to date (${where}); ${applied.length ? `applied migration(s) ${applied.join(', ')}` : 'nothing to apply'}.`),
    );
  }
  fail(`Unknown command "${[command, sub, argument].filter(Boolean).join(' ')}".\n\n${USAGE}`);
}

main().catch((error: Error) => fail(error.message));
