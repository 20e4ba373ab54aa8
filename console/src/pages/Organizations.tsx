import { useState } from 'preact/hooks';
import type { Organization } from '../../../utils/api';
import { useI18n } from '../../../utils/i18n/context';
import { ConfirmDialog } from '../components/ConfirmDialog/ConfirmDialog';
import { Await, Notice } from '../components/Status/Status';
import { isAdmin, useConsole } from '../context';
import { useLoad } from '../use-load';

type Draft = { id: string; name: string; aliases: string; domains: string; profileUrls: string };
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

function OrganizationForm({ organization, onSaved, onCancel }: { organization?: Organization; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const [draft, setDraft] = useState<Draft>({
    id: organization?.id ?? '',
    name: organization?.name ?? '',
    aliases: organization?.aliases.join('\n') ?? '',
    domains: organization?.domains.join('\n') ?? '',
    profileUrls: organization?.profileUrls.join('\n') ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof Draft) => ({ value: draft[key], onInput: (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }) });
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await api.saveOrganization({ id: draft.id.trim(), name: draft.name, aliases: lines(draft.aliases), domains: lines(draft.domains), profileUrls: lines(draft.profileUrls) });
      onSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form class="card grid-form" onSubmit={submit} aria-labelledby="org-form-title">
      <h2 id="org-form-title">{organization ? t('orgs.edit') : t('orgs.new')}</h2>
      <label class="field">
        <span>{t('orgs.field.id')}</span>
        <input required pattern="[A-Za-z0-9][A-Za-z0-9_.\-]*" maxLength={128} readOnly={Boolean(organization)} aria-describedby="org-id-hint" {...field('id')} />
        <small id="org-id-hint" class="muted">{t('orgs.field.id.hint')}</small>
      </label>
      <label class="field">
        <span>{t('orgs.field.name')}</span>
        <input required maxLength={300} {...field('name')} />
      </label>
      <label class="field">
        <span>{t('orgs.field.aliases')}</span>
        <textarea rows={3} {...field('aliases')} />
      </label>
      <label class="field">
        <span>{t('orgs.field.domains')}</span>
        <textarea rows={3} {...field('domains')} />
      </label>
      <label class="field wide">
        <span>{t('orgs.field.profileUrls')}</span>
        <textarea rows={2} {...field('profileUrls')} />
      </label>
      {error && (
        <p role="alert" class="error wide">
          {error}
        </p>
      )}
      <div class="actions wide">
        <button type="button" onClick={onCancel}>
          {t('console.cancel')}
        </button>
        <button type="submit" class="primary">
          {t('console.save')}
        </button>
      </div>
    </form>
  );
}

/** Client and partner organisations: names, aliases, domains and profile pages the extension recognises them by. */
export function OrganizationsPage() {
  const { t } = useI18n();
  const { api, session } = useConsole();
  const admin = isAdmin(session);
  const [organizations, reload] = useLoad(() => api.organizations(), [api]);
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Organization | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <h1 tabIndex={-1}>{t('orgs.title')}</h1>
      {!admin && <p class="muted">{t('console.readOnly', { role: t(`console.role.${session.user.role}`) })}</p>}
      <Notice text={notice} />
      {admin && editing === null && (
        <p>
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('orgs.new')}
          </button>
        </p>
      )}
      {editing !== null && (
        <OrganizationForm
          organization={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('orgs.saved'));
            reload();
          }}
        />
      )}
      <Await loaded={organizations} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t('orgs.none')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('orgs.field.name')}</th>
                    <th scope="col">{t('orgs.field.aliases')}</th>
                    <th scope="col">{t('orgs.field.domains')}</th>
                    <th scope="col">{t('orgs.field.profileUrls')}</th>
                    {admin && <th scope="col"><span class="sr-only">{t('console.edit')}</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((org) => (
                      <tr key={org.id}>
                        <th scope="row">
                          {org.name}
                          <div class="muted small">{org.id}</div>
                        </th>
                        <td>{org.aliases.join(', ')}</td>
                        <td>{org.domains.join(', ')}</td>
                        <td class="break">{org.profileUrls.join(' ')}</td>
                        {admin && (
                          <td class="row-actions">
                            <button type="button" onClick={() => setEditing(org)} aria-label={`${t('console.edit')}: ${org.name}`}>
                              {t('console.edit')}
                            </button>
                            <button type="button" onClick={() => setDeleting(org)} aria-label={`${t('console.delete')}: ${org.name}`}>
                              {t('console.delete')}
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Await>
      {deleting && (
        <ConfirmDialog
          title={t('console.delete')}
          confirmLabel={t('console.delete')}
          danger
          onConfirm={async () => {
            await api.deleteOrganization(deleting.id);
            setNotice(t('orgs.deleted'));
            reload();
          }}
          onClose={() => setDeleting(null)}
        >
          <p>{t('orgs.deleteConfirm', { name: deleting.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
