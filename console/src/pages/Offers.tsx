import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Offer, OfferInput, OfferKind, Organization } from '../../../utils/api';
import { formatDate } from '../../../utils/i18n';
import { useI18n } from '../../../utils/i18n/context';
import { ConfirmDialog } from '../components/ConfirmDialog/ConfirmDialog';
import { MeetingsTable } from '../components/MeetingsTable/MeetingsTable';
import { Await, Notice } from '../components/Status/Status';
import { isAdmin, useConsole } from '../context';
import { useLoad } from '../use-load';

const kinds: OfferKind[] = ['project', 'referral', 'partnership', 'rehire', 'speaking', 'event'];

type Draft = { title: string; summary: string; kind: OfferKind; skills: string; organizationId: string; closesOn: string; contactName: string; contactEmail: string; url: string };

const draftOf = (offer?: Offer): Draft => ({
  title: offer?.title ?? '',
  summary: offer?.summary ?? '',
  kind: offer?.kind ?? 'project',
  skills: offer?.skills.join(', ') ?? '',
  organizationId: offer?.organizationId ?? '',
  closesOn: offer?.closesOn ?? '',
  contactName: offer?.contact.name ?? '',
  contactEmail: offer?.contact.email ?? '',
  url: offer?.url ?? '',
});

function inputOf(draft: Draft, status: Offer['status']): OfferInput {
  return {
    title: draft.title,
    summary: draft.summary,
    kind: draft.kind,
    skills: draft.skills.split(/[,、，]/).map((s) => s.trim()).filter(Boolean),
    ...(draft.organizationId ? { organizationId: draft.organizationId } : {}),
    ...(draft.closesOn ? { closesOn: draft.closesOn } : {}),
    contact: { name: draft.contactName, ...(draft.contactEmail ? { email: draft.contactEmail } : {}) },
    ...(draft.url ? { url: draft.url } : {}),
    status,
  };
}

function OfferForm({ offer, organizations, onSaved, onCancel }: { offer?: Offer; organizations: Organization[]; onSaved: (offer: Offer) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const [draft, setDraft] = useState<Draft>(draftOf(offer));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof Draft) => ({
    value: draft[key],
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const input = inputOf(draft, offer?.status ?? 'open');
      const saved = offer ? await api.updateOffer(offer.id, input) : await api.createOffer(input);
      onSaved(saved);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return (
    <form class="card grid-form" onSubmit={submit} aria-labelledby="offer-form-title">
      <h2 id="offer-form-title">{offer ? t('offers.edit') : t('offers.new')}</h2>
      <label class="field wide">
        <span>{t('offers.field.title')}</span>
        <input required maxLength={300} {...field('title')} />
      </label>
      <label class="field wide">
        <span>{t('offers.field.summary')}</span>
        <textarea rows={3} maxLength={4000} {...field('summary')} />
      </label>
      <label class="field">
        <span>{t('offers.field.kind')}</span>
        <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as OfferKind })}>
          {kinds.map((kind) => (
            <option value={kind} key={kind}>
              {t(`offers.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('offers.field.organization')}</span>
        <select value={draft.organizationId} onChange={(e) => setDraft({ ...draft, organizationId: e.currentTarget.value })}>
          <option value="">{t('offers.noOrganization')}</option>
          {organizations.map((org) => (
            <option value={org.id} key={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('offers.field.skills')}</span>
        <input {...field('skills')} />
      </label>
      <label class="field">
        <span>{t('offers.field.closesOn')}</span>
        <input type="date" {...field('closesOn')} />
      </label>
      <label class="field">
        <span>{t('offers.field.contactName')}</span>
        <input required {...field('contactName')} />
      </label>
      <label class="field">
        <span>{t('offers.field.contactEmail')}</span>
        <input type="email" {...field('contactEmail')} />
      </label>
      <label class="field wide">
        <span>{t('offers.field.url')}</span>
        <input type="url" {...field('url')} />
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
        <button type="submit" class="primary" disabled={busy}>
          {t('console.save')}
        </button>
      </div>
    </form>
  );
}

function Interests({ offerId }: { offerId: string }) {
  const { t, lang } = useI18n();
  const { api } = useConsole();
  const [interests, reload] = useLoad(() => api.interests(offerId), [api, offerId]);
  return (
    <Await loaded={interests} retry={reload}>
      {(list) =>
        list.length === 0 ? (
          <p class="muted">{t('offers.noInterests')}</p>
        ) : (
          <ul class="plain">
            {list.map((interest) => (
              <li key={interest.id}>
                {formatDate(lang, interest.receivedAt)} · {interest.submittedBy}
                {interest.message ? ` — ${interest.message}` : ''}
              </li>
            ))}
          </ul>
        )
      }
    </Await>
  );
}

/** The meetings about one offer that the viewer may see (admins: all). */
function OfferMeetings({ offer }: { offer: Offer }) {
  const { t } = useI18n();
  const { api, session } = useConsole();
  const [meetings, reload] = useLoad(() => api.offerMeetings(offer.id), [api, offer.id]);
  return (
    <Await loaded={meetings} retry={reload}>
      {(list) =>
        list.length === 0 ? (
          <p class="muted">{isAdmin(session) ? t('offers.noMeetings') : t('offers.noMeetingsYours')}</p>
        ) : (
          <MeetingsTable meetings={list} caption={t('offers.meetingsOf', { title: offer.title })} rowName="alumnus" />
        )
      }
    </Await>
  );
}

type Opened = { offerId: string; part: 'interests' | 'meetings' };

/** Offers to alumni: create, edit, close, and see who answered and the meetings each led to; other staff read them. */
export function OffersPage() {
  const { t, lang } = useI18n();
  const { api, session } = useConsole();
  const admin = isAdmin(session);
  const [data, reload] = useLoad(
    async () => {
      const [offers, organizations, overview] = await Promise.all([api.offers(), api.organizations(), api.overview()]);
      const counts = new Map(overview.offers.map((o) => [o.id, { interests: o.interests, meetings: o.meetings }]));
      return { offers, organizations, counts };
    },
    [api],
  );
  const [editing, setEditing] = useState<Offer | 'new' | null>(null);
  const [closing, setClosing] = useState<Offer | null>(null);
  const [open, setOpen] = useState<Opened | null>(null);
  const toggle = (offerId: string, part: Opened['part']) => setOpen(open?.offerId === offerId && open.part === part ? null : { offerId, part });
  const isOpen = (offerId: string, part: Opened['part']) => open?.offerId === offerId && open.part === part;
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <h1 tabIndex={-1}>{t('offers.title')}</h1>
      {!admin && <p class="muted">{t('console.readOnly', { role: t(`console.role.${session.user.role}`) })}</p>}
      <Notice text={notice} />
      <Await loaded={data} retry={reload}>
        {({ offers, organizations, counts }) => {
          const orgName = (id?: string) => organizations.find((o) => o.id === id)?.name ?? t('console.none');
          return (
            <>
              {admin && editing === null && (
                <p>
                  <button type="button" class="primary" onClick={() => setEditing('new')}>
                    {t('offers.new')}
                  </button>
                </p>
              )}
              {editing !== null && (
                <OfferForm
                  offer={editing === 'new' ? undefined : editing}
                  organizations={organizations}
                  onCancel={() => setEditing(null)}
                  onSaved={() => {
                    setNotice(editing === 'new' ? t('offers.created') : t('offers.saved'));
                    setEditing(null);
                    reload();
                  }}
                />
              )}
              {offers.length === 0 ? (
                <p class="muted">{t('offers.none')}</p>
              ) : (
                <div class="table-scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('offers.field.title')}</th>
                        <th scope="col">{t('offers.field.kind')}</th>
                        <th scope="col">{t('overview.status')}</th>
                        <th scope="col">{t('offers.field.organization')}</th>
                        <th scope="col">{t('offers.field.closesOn')}</th>
                        {admin && <th scope="col">{t('overview.interests')}</th>}
                        <th scope="col">{t('overview.meetingsSeries')}</th>
                        {admin && <th scope="col"><span class="sr-only">{t('console.edit')}</span></th>}
                      </tr>
                    </thead>
                    <tbody>
                      {[...offers]
                        .sort((a, b) => (a.status === b.status ? b.updatedAt.localeCompare(a.updatedAt) : a.status === 'open' ? -1 : 1))
                        .map((offer) => (
                          <Fragment key={offer.id}>
                            <tr data-status={offer.status}>
                              <th scope="row">{offer.title}</th>
                              <td>{t(`offers.kind.${offer.kind}`)}</td>
                              <td>{t(`overview.status.${offer.status}`)}</td>
                              <td>{orgName(offer.organizationId)}</td>
                              <td>{offer.closesOn ? formatDate(lang, offer.closesOn) : t('console.none')}</td>
                              {(admin ? (['interests', 'meetings'] as const) : (['meetings'] as const)).map((part) => {
                                const label = t(`offers.${part}`, { count: counts.get(offer.id)?.[part] ?? 0 });
                                return (
                                  <td key={part}>
                                    {/* Named with the offer: a screen reader's list of buttons says whose they are. */}
                                    <button
                                      type="button"
                                      class="link-button"
                                      aria-expanded={isOpen(offer.id, part)}
                                      aria-label={`${label}: ${offer.title}`}
                                      onClick={() => toggle(offer.id, part)}
                                    >
                                      {label}
                                    </button>
                                  </td>
                                );
                              })}
                              {admin && (
                                <td class="row-actions">
                                  <button type="button" onClick={() => setEditing(offer)} aria-label={`${t('console.edit')}: ${offer.title}`}>
                                    {t('console.edit')}
                                  </button>
                                  {offer.status === 'open' && (
                                    <button type="button" onClick={() => setClosing(offer)} aria-label={`${t('offers.close')}: ${offer.title}`}>
                                      {t('offers.close')}
                                    </button>
                                  )}
                                </td>
                              )}
                            </tr>
                            {open?.offerId === offer.id && (
                              <tr>
                                <td colSpan={admin ? 8 : 6}>
                                  {open.part === 'interests' ? <Interests offerId={offer.id} /> : <OfferMeetings offer={offer} />}
                                </td>
                              </tr>
                            )}
                          </Fragment>
                        ))}
                    </tbody>
                  </table>
                </div>
              )}
              {closing && (
                <ConfirmDialog
                  title={t('offers.close')}
                  confirmLabel={t('offers.close')}
                  onConfirm={async () => {
                    await api.closeOffer(closing.id);
                    setNotice(t('offers.closed'));
                    reload();
                  }}
                  onClose={() => setClosing(null)}
                >
                  <p>{t('offers.closeConfirm', { title: closing.title })}</p>
                </ConfirmDialog>
              )}
            </>
          );
        }}
      </Await>
    </>
  );
}
