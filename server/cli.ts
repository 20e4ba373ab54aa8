// `npm run server -- --help` prints the commands (USAGE below). Every command takes --data / --database-url
// (or DATABASE_URL) to choose the database.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Me, Role } from '../utils/api';
import { parseEncodingName, UndecodableCsv } from './csv/decode';
import { importAlumniCsv } from './csv/import-alumni';
import { InvalidCsvFile } from './csv/parse-alumni-csv';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { startServer } from './index';
import { demoTokens } from './seed/demo-data';
import { setCompany } from './store/company';
import { createToken, listTokenHolders, revokeTokens } from './store/tokens';

const USAGE = `Alumni Lens backend

Usage: npm run server -- [COMMAND] [OPTIONS]

Commands:
  (none)                 serve the API (default http://127.0.0.1:8787/api/v1)
  migrate                apply pending schema migrations and exit
  token create --role admin|recruiter|sales|alumni --name "Full Name"
                         make an API token (printed once)
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
  const db = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: options.data });
  try {
    await work(db, await migrate(db));
  } finally {
    await db.close();
  }
}

async function serve() {
  const server = await startServer({ port: options.port, host: options.host, dataDir: options.data, databaseUrl, seed: options.seed });
  // One write, so whoever reads the output sees the tokens together with the address.
  const lines = [`Alumni Lens backend on ${server.url}/api/v1 (${where}); OpenAPI at ${server.url}/api/v1/openapi.json`];
  if (options.seed === 'demo') {
    lines.push(`Demo company loaded. Tokens: ${demoTokens.map((t) => `${t.token} (${t.role})`).join(', ')}`);
    lines.push(`Demo pages (if present): ${server.url}/demo/`);
  }
  console.log(lines.join('\n'));
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function tokenCreate() {
  const input = z.object({ role: Role, name: z.string().trim().min(1).max(300) }).safeParse(values);
  if (!input.success) fail('Usage: token create --role admin|recruiter|sales|alumni --name "Full Name"');
  await withDatabase(async (db) => {
    const token = await createToken(db, input.data.role, input.data.name);
    console.error(`Token for ${input.data.name} (${input.data.role}); it is shown only now, store it safely:`);
    console.log(token);
  });
}

async function tokenRevoke() {
  const which = values.token ? { token: values.token } : values.name ? { name: values.name } : fail('Usage: token revoke --token TOKEN | --name "Full Name"');
  await withDatabase(async (db) => {
    const revoked = await revokeTokens(db, which);
    if (revoked === 0) fail('No such token; nothing was revoked.');
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
