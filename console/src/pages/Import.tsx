import { useEffect, useState } from 'preact/hooks';
import type { ImportJob, ImportPreview } from '../../../utils/api/console';
import { formatDateTime } from '../../../utils/i18n';
import { useI18n } from '../../../utils/i18n/context';
import { Await, Notice } from '../components/Status/Status';
import { useConsole } from '../context';
import { useLoad } from '../use-load';

const pollMs = 400;
const running = (job: ImportJob) => job.status === 'validating' || job.status === 'writing';

function Preview({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="preview-title" class="card">
      <h2 id="preview-title">{t('import.preview')}</h2>
      <p>{t('import.detected', { encoding: preview.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8' })}</p>
      <p>{t('import.counts', { total: preview.totalRows, valid: preview.validRows, invalid: preview.errors.length })}</p>
      <h3>{t('import.columns')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('import.header')}</th>
            <th scope="col">{t('import.column')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c, index) => (
            <tr key={index}>
              <th scope="row">{c.header}</th>
              <td>{c.column ?? <span class="muted">{t('import.ignored')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('import.firstRows')}</h3>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              {preview.columns.map((c, index) => (
                <th scope="col" key={index}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  <td key={column}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.errors.length > 0 && (
        <>
          <h3 id="invalid-rows">{t('import.invalidRows', { count: preview.errors.length })}</h3>
          <div class="table-scroll tall" tabIndex={0} aria-labelledby="invalid-rows">
            <table class="invalid-rows">
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((error) => (
                  <tr key={error.line}>
                    <th scope="row">{error.line}</th>
                    <td>{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Progress({ job, onCancel }: { job: ImportJob; onCancel: () => void }) {
  const { t } = useI18n();
  const { rowsRead, rowsTotal, rowsWritten } = job.progress;
  const label =
    job.status === 'validating'
      ? t('import.phase.validating', { read: rowsRead })
      : t('import.phase.writing', { written: rowsWritten, total: rowsTotal ?? 0 });
  return (
    <div class="card">
      <label class="field">
        <span>{t('import.progress')}</span>
        <progress max={job.status === 'writing' ? rowsTotal || 1 : undefined} value={job.status === 'writing' ? rowsWritten : undefined} aria-valuetext={label} />
      </label>
      <p role="status">{label}</p>
      <button type="button" onClick={onCancel}>
        {t('import.cancel')}
      </button>
    </div>
  );
}

function outcome(job: ImportJob, t: ReturnType<typeof useI18n>['t']): string {
  const message = job.message ?? '';
  if (job.status === 'succeeded') return t('import.result.succeeded', { imported: job.report.imported, updated: job.report.updated, skipped: job.report.skipped });
  if (job.status === 'rejected') return t('import.result.rejected', { message });
  if (job.status === 'cancelled') return t('import.result.cancelled', { message });
  return t('import.result.failed', { message });
}

function History({ version }: { version: number }) {
  const { t, lang } = useI18n();
  const { api } = useConsole();
  const [jobs, reload] = useLoad(() => api.imports(), [api, version]);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('import.history')}</h2>
      <Await loaded={jobs} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t('import.noHistory')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('import.when')}</th>
                    <th scope="col">{t('import.who')}</th>
                    <th scope="col">{t('import.fileName')}</th>
                    <th scope="col">{t('import.status')}</th>
                    <th scope="col">{t('import.imported')}</th>
                    <th scope="col">{t('import.updated')}</th>
                    <th scope="col">{t('import.skipped')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((job) => (
                    <tr key={job.id}>
                      <td>{formatDateTime(lang, Date.parse(job.createdAt))}</td>
                      <td>{job.createdBy}</td>
                      <td>{job.fileName ?? t('console.none')}</td>
                      <td>{t(`import.status.${job.status}`)}</td>
                      <td>{job.report.imported}</td>
                      <td>{job.report.updated}</td>
                      <td>{job.report.skipped}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Await>
    </section>
  );
}

/** Upload → preview (encoding, columns, first rows, every bad line) → import as a job with a progress bar. */
export function ImportPage() {
  const { t } = useI18n();
  const { api } = useConsole();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);

  useEffect(() => {
    if (!job || !running(job)) return;
    const timer = setTimeout(() => {
      api.importJob(job.id).then(setJob, (failure: Error) => setError(failure.message));
    }, pollMs);
    return () => clearTimeout(timer);
  }, [api, job]);
  // The history gains the job's line once it has ended.
  const ended = job !== null && !running(job);
  useEffect(() => {
    if (ended) setHistoryVersion((v) => v + 1);
  }, [ended]);

  const choose = (event: Event) => {
    setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null);
    setPreview(null);
    setJob(null);
    setError(null);
  };
  const runPreview = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      setPreview(await api.previewImport(file, encoding || undefined));
      setSkipInvalid(false);
    } catch (failure) {
      setPreview(null);
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    if (!file || !preview) return;
    setError(null);
    try {
      setJob(await api.startImport(file, { encoding: encoding || undefined, skipInvalid, fileName: file.name }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const blocked = preview !== null && preview.errors.length > 0 && !skipInvalid;

  return (
    <>
      <h1 tabIndex={-1}>{t('import.title')}</h1>
      <p class="muted">{t('import.intro')}</p>
      <form class="card form-row" onSubmit={runPreview}>
        <label class="field">
          <span>{t('import.file')}</span>
          <input type="file" accept=".csv,text/csv" onChange={choose} />
        </label>
        <label class="field">
          <span>{t('import.encoding')}</span>
          <select value={encoding} onChange={(e) => setEncoding(e.currentTarget.value)}>
            <option value="">{t('import.encoding.auto')}</option>
            <option value="utf-8">UTF-8</option>
            <option value="shift_jis">Shift_JIS</option>
          </select>
        </label>
        <button type="submit" class="primary" disabled={!file || busy}>
          {busy ? t('import.previewing') : t('import.preview')}
        </button>
      </form>
      <Notice text={error} tone="error" />
      {preview && <Preview preview={preview} />}
      {preview && !job && (
        <div class="card">
          {preview.errors.length > 0 && (
            <label class="check">
              <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.currentTarget.checked)} />
              <span>{t('import.skipInvalid')}</span>
            </label>
          )}
          {blocked && <p class="muted">{t('import.mustSkip')}</p>}
          <button type="button" class="primary" disabled={blocked || preview.validRows === 0} onClick={start}>
            {t('import.start', { count: preview.validRows })}
          </button>
        </div>
      )}
      {job && running(job) && <Progress job={job} onCancel={() => api.cancelImport(job.id).catch(() => undefined)} />}
      {job && !running(job) && <Notice text={outcome(job, t)} tone={job.status === 'succeeded' ? 'ok' : 'error'} />}
      <History version={historyVersion} />
    </>
  );
}
