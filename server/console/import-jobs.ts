import { randomUUID } from 'node:crypto';
import type { ImportReport } from '../../utils/api';
import type { ImportJob, ImportJobStatus, ImportPreview } from '../../utils/api/console';
import { readCsvInThread } from '../csv/csv-thread';
import { UndecodableCsv, type CsvEncoding } from '../csv/decode';
import { importAlumniCsv, type ImportProgress } from '../csv/import-alumni';
import { InvalidCsvFile } from '../csv/parse-alumni-csv';
import type { Database } from '../db/database';
import { recordAudit, type Actor } from '../store/audit';

const previewRows = 5;

/** What an import would do: encoding, how each header was understood, the first rows, every bad row. Writes nothing. */
export async function previewCsv(bytes: Uint8Array, declared?: CsvEncoding): Promise<ImportPreview> {
  // Read in its own thread, as an import is: a large file would otherwise hold the event loop for seconds.
  const file = await readCsvInThread(bytes, { encoding: declared, sampleRows: previewRows });
  await file.close();
  const { encoding, header, columns, sample, rows, valid, errors } = file.summary;
  return {
    encoding,
    columns: header.map((cell, index) => ({ header: cell, column: columns[index] ?? null })),
    rows: sample,
    totalRows: rows,
    validRows: valid,
    errors,
  };
}

type JobRow = {
  id: string;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
  file_name: string | null;
  bytes: string;
  encoding: CsvEncoding | null;
  skip_invalid: boolean;
  status: ImportJobStatus;
  rows_read: number;
  rows_total: number | null;
  rows_written: number;
  imported: number;
  updated: number;
  skipped: number;
  errors: ImportReport['errors'];
  erased: ImportReport['erased'];
  message: string | null;
  stale: boolean;
};

const running = new Set<ImportJobStatus>(['validating', 'writing']);
const heartbeatMs = 1000;
/** A running job whose heartbeat is older than this was left behind by a server that stopped. */
const abandonedAfter = "interval '2 minutes'";

function present(row: JobRow): ImportJob {
  const abandoned = running.has(row.status) && row.stale;
  return {
    id: row.id,
    status: abandoned ? 'failed' : row.status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    ...(row.finished_at ? { finishedAt: row.finished_at.toISOString() } : {}),
    ...(row.file_name ? { fileName: row.file_name } : {}),
    bytes: Number(row.bytes),
    ...(row.encoding ? { encoding: row.encoding } : {}),
    skipInvalid: row.skip_invalid,
    progress: { rowsRead: row.rows_read, ...(row.rows_total !== null ? { rowsTotal: row.rows_total } : {}), rowsWritten: row.rows_written },
    report: { imported: row.imported, updated: row.updated, skipped: row.skipped, errors: row.errors, erased: row.erased },
    ...(abandoned
      ? { message: 'The server stopped during this import. Run it again: rows are upserted by employee id, so nothing is doubled.' }
      : row.message
        ? { message: row.message }
        : {}),
  };
}

export interface StartImport {
  bytes: Uint8Array;
  skipInvalid: boolean;
  encoding?: CsvEncoding;
  fileName?: string;
}

/**
 * CSV imports as background jobs: start() answers at once with the job, which then validates every row and, if
 * the file is clean (or bad rows may be skipped), writes in short transactions. Progress and the outcome live in
 * import_jobs, so any server process sharing the database can answer for a job.
 */
export function createImportJobs(db: Database) {
  const controllers = new Map<string, AbortController>();
  const runs = new Map<string, Promise<void>>();
  // Progress of the jobs this process runs, as it stands now: the table only hears of it once a second.
  const live = new Map<string, ImportProgress>();
  const select = `SELECT *, heartbeat_at < now() - ${abandonedAfter} AS stale FROM import_jobs`;

  async function find(id: string): Promise<ImportJob | undefined> {
    const [row] = await db.query<JobRow>(`${select} WHERE id = $1`, [id]);
    if (!row) return undefined;
    const job = present(row);
    const now = live.get(id);
    if (!now || !running.has(job.status)) return job;
    return { ...job, status: now.phase, progress: { rowsRead: now.rowsRead, ...(now.rowsTotal !== undefined ? { rowsTotal: now.rowsTotal } : {}), rowsWritten: now.rowsWritten } };
  }

  async function run(id: string, job: StartImport, actor: Actor, signal: AbortSignal): Promise<void> {
    let progress: ImportProgress = { phase: 'validating', rowsRead: 0, rowsWritten: 0 };
    let saving: Promise<unknown> = Promise.resolve();
    const save = () =>
      (saving = saving.then(() =>
        db.query(
          `UPDATE import_jobs SET status = $2, rows_read = $3, rows_total = $4, rows_written = $5, heartbeat_at = now()
            WHERE id = $1 AND status IN ('validating', 'writing')`,
          [id, progress.phase, progress.rowsRead, progress.rowsTotal ?? null, progress.rowsWritten],
        ),
      ));
    const heartbeat = setInterval(save, heartbeatMs);
    let outcome: { status: ImportJobStatus; report?: ImportReport; encoding?: CsvEncoding; message?: string };
    try {
      // Its reads and writes wait while requests' statements wait (Database.background).
      const result = await importAlumniCsv(db.background, job.bytes, {
        skipInvalid: job.skipInvalid,
        encoding: job.encoding,
        signal,
        onStage: (next) => {
          const phaseChanged = next.phase !== progress.phase;
          progress = next;
          live.set(id, next);
          if (phaseChanged) void save();
        },
      });
      outcome = result.applied
        ? { status: 'succeeded', report: result.report, encoding: result.encoding }
        : {
            status: 'rejected',
            report: result.report,
            encoding: result.encoding,
            message: `${result.report.errors.length} row(s) are invalid, so nothing was imported; fix them or import with the bad rows skipped.`,
          };
    } catch (error) {
      if (signal.aborted) outcome = { status: 'cancelled', message: 'Cancelled. Rows written before that stay imported.' };
      else if (error instanceof UndecodableCsv) outcome = { status: 'rejected', message: error.message };
      else if (error instanceof InvalidCsvFile) {
        outcome = { status: 'rejected', message: error.message, report: { imported: 0, updated: 0, skipped: 0, errors: [{ line: error.line, reason: error.message }], erased: [] } };
      } else {
        console.error(`Import ${id} failed:`, error);
        outcome = { status: 'failed', message: 'The import failed on the server; rows written before that stay imported.' };
      }
    } finally {
      clearInterval(heartbeat);
      controllers.delete(id);
    }
    await saving.catch(() => undefined);
    const report = outcome.report ?? { imported: 0, updated: 0, skipped: 0, errors: [], erased: [] };
    await db.query(
      `UPDATE import_jobs SET status = $2, finished_at = now(), heartbeat_at = now(), encoding = coalesce($3, encoding),
              rows_read = $4, rows_total = $5, rows_written = $6, imported = $7, updated = $8, skipped = $9,
              errors = $10::jsonb, message = $11, erased = $12::jsonb
        WHERE id = $1`,
      [
        id, outcome.status, outcome.encoding ?? null, progress.rowsRead, progress.rowsTotal ?? null,
        outcome.status === 'succeeded' ? report.imported + report.updated : progress.rowsWritten,
        report.imported, report.updated, report.skipped, JSON.stringify(report.errors), outcome.message ?? null,
        JSON.stringify(report.erased),
      ],
    );
    await recordAudit(db, actor, `import.${outcome.status}`, id, {
      file: job.fileName ?? null,
      imported: report.imported,
      updated: report.updated,
      skipped: report.skipped,
      erased: report.erased.length,
    });
  }

  return {
    async start(job: StartImport, actor: Actor): Promise<ImportJob> {
      const id = `import-${randomUUID()}`;
      await db.query(
        `INSERT INTO import_jobs (id, created_by, file_name, bytes, encoding, skip_invalid, status) VALUES ($1, $2, $3, $4, $5, $6, 'validating')`,
        [id, actor.name, job.fileName ?? null, job.bytes.byteLength, job.encoding ?? null, job.skipInvalid],
      );
      await recordAudit(db, actor, 'import.start', id, { file: job.fileName ?? null, bytes: job.bytes.byteLength, skipInvalid: job.skipInvalid });
      const controller = new AbortController();
      controllers.set(id, controller);
      const done = run(id, job, actor, controller.signal)
        .catch((error) => console.error(`Import ${id} could not record its outcome:`, error))
        .finally(() => {
          runs.delete(id);
          live.delete(id);
        });
      runs.set(id, done);
      return (await find(id))!;
    },
    find,
    async list(limit = 50): Promise<ImportJob[]> {
      return (await db.query<JobRow>(`${select} ORDER BY created_at DESC LIMIT $1`, [limit])).map(present);
    },
    /** Stops a job this process runs; answers whether there was one to stop. */
    cancel(id: string): boolean {
      const controller = controllers.get(id);
      controller?.abort();
      return controller !== undefined;
    },
    /** Cancels every running job and waits until each has recorded its outcome (server shutdown). */
    async stopAll(): Promise<void> {
      for (const controller of controllers.values()) controller.abort();
      await Promise.all(runs.values());
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
