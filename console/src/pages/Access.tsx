import { useState } from 'preact/hooks';
import type { Role } from '../../../utils/api';
import type { AuditEntry, NewToken, TokenHolder } from '../../../utils/api/console';
import { formatDate, formatDateTime } from '../../../utils/i18n';
import { useI18n } from '../../../utils/i18n/context';
import { ConfirmDialog } from '../components/ConfirmDialog/ConfirmDialog';
import { Await, Notice } from '../components/Status/Status';
import { useConsole } from '../context';
import { useLoad } from '../use-load';

const roles: Role[] = ['admin', 'recruiter', 'sales', 'alumni'];

function NewTokenForm({ onCreated }: { onCreated: (created: NewToken) => void }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('recruiter');
  const [alumnusId, setAlumnusId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      onCreated(await api.createToken({ name, role, ...(role === 'alumni' && alumnusId.trim() ? { alumnusId: alumnusId.trim() } : {}) }));
      setName('');
      setAlumnusId('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form class="card form-row" onSubmit={submit} aria-labelledby="new-token-title">
      <h3 id="new-token-title" class="wide">{t('access.new')}</h3>
      <label class="field">
        <span>{t('access.name')}</span>
        <input required maxLength={300} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('access.role')}</span>
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {roles.map((r) => (
            <option value={r} key={r}>
              {t(`console.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {role === 'alumni' && (
        <label class="field">
          <span>{t('access.alumnusId')}</span>
          <input value={alumnusId} onInput={(e) => setAlumnusId(e.currentTarget.value)} />
        </label>
      )}
      <button type="submit" class="primary">
        {t('access.create')}
      </button>
      {error && (
        <p role="alert" class="error wide">
          {error}
        </p>
      )}
    </form>
  );
}

/** The new token, once: it is not stored anywhere it could be shown again. */
function CreatedToken({ created }: { created: NewToken }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div class="card token-once" role="status">
      <p>{t('access.created', { name: created.holder.name, role: t(`console.role.${created.holder.role}`) })}</p>
      <code class="token">{created.token}</code>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard?.writeText(created.token).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('access.copy')}
      </button>
      {copied && <span> {t('access.copied')}</span>}
    </div>
  );
}

function AuditLog({ version }: { version: number }) {
  const { t, lang } = useI18n();
  const { api } = useConsole();
  const [pages, setPages] = useState<AuditEntry[][]>([]);
  const [first, reload] = useLoad(() => api.audit().then((page) => (setPages([]), page)), [api, version]);
  const [next, setNext] = useState<string | undefined>(undefined);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('access.audit')}</h2>
      <Await loaded={first} retry={reload}>
        {(page) => {
          const entries = [page.entries, ...pages].flat();
          const more = pages.length === 0 ? page.next : next;
          return (
            <>
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('access.audit.when')}</th>
                      <th scope="col">{t('access.audit.who')}</th>
                      <th scope="col">{t('access.audit.action')}</th>
                      <th scope="col">{t('access.audit.target')}</th>
                      <th scope="col">{t('access.audit.details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((entry) => (
                      <tr key={entry.id}>
                        <td>{formatDateTime(lang, Date.parse(entry.at))}</td>
                        <td>{entry.actor}</td>
                        <td>
                          <code>{entry.action}</code>
                        </td>
                        <td>{entry.target ?? t('console.none')}</td>
                        <td class="small">
                          {Object.entries(entry.details)
                            .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
                            .join(', ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {more && (
                <button
                  type="button"
                  onClick={async () => {
                    const older = await api.audit(more);
                    setPages([...pages, older.entries]);
                    setNext(older.next);
                  }}
                >
                  {t('access.audit.older')}
                </button>
              )}
            </>
          );
        }}
      </Await>
    </section>
  );
}

/** Who may use the extension and the console, and what admins did. */
export function AccessPage() {
  const { t, lang } = useI18n();
  const { api } = useConsole();
  const [holders, reload] = useLoad(() => api.tokens(), [api]);
  const [created, setCreated] = useState<NewToken | null>(null);
  const [revoking, setRevoking] = useState<TokenHolder | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const changed = () => {
    reload();
    setVersion((v) => v + 1);
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('access.title')}</h1>
      <Notice text={notice} />
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('access.tokens')}</h2>
        <NewTokenForm
          onCreated={(token) => {
            setCreated(token);
            changed();
          }}
        />
        {created && <CreatedToken created={created} />}
        <Await loaded={holders} retry={reload}>
          {(list) => (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('access.name')}</th>
                    <th scope="col">{t('access.role')}</th>
                    <th scope="col">{t('access.createdAt')}</th>
                    <th scope="col">{t('access.createdBy')}</th>
                    <th scope="col">{t('access.lastSync')}</th>
                    <th scope="col"><span class="sr-only">{t('access.revoke')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((holder) => (
                    <tr key={holder.id}>
                      <th scope="row">{holder.name}</th>
                      <td>{t(`console.role.${holder.role}`)}</td>
                      <td>{formatDate(lang, holder.createdAt)}</td>
                      <td>{holder.createdBy ?? t('console.none')}</td>
                      <td>{holder.lastSyncedAt ? formatDateTime(lang, Date.parse(holder.lastSyncedAt)) : t('access.never')}</td>
                      <td>
                        <button type="button" onClick={() => setRevoking(holder)} aria-label={`${t('access.revoke')}: ${holder.name} (${t(`console.role.${holder.role}`)})`}>
                          {t('access.revoke')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Await>
      </section>
      <AuditLog version={version} />
      {revoking && (
        <ConfirmDialog
          title={t('access.revoke')}
          confirmLabel={t('access.revoke')}
          danger
          onConfirm={async () => {
            await api.revokeToken(revoking.id);
            setNotice(t('access.revoked'));
            changed();
          }}
          onClose={() => setRevoking(null)}
        >
          <p>{t('access.revokeConfirm', { name: revoking.name, role: t(`console.role.${revoking.role}`) })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
