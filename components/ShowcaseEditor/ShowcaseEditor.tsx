import { useEffect, useState } from 'preact/hooks';
import { ShowcaseInput, type Showcase } from '../../utils/api';
import { useI18n } from '../../utils/i18n/context';
import { normaliseTag } from '../../utils/matching/tags';
import type { ResponseOf } from '../../utils/messaging/protocol';
import { useSend } from '../api-context';
import { ShowcaseSummary } from '../Showcase/ShowcaseSummary';

/** The form as typed: tags as one comma-separated line per kind, contact details with a switch each. */
interface Draft {
  businessName: string;
  offering: string;
  lookingFor: string;
  skills: string;
  industries: string;
  services: string;
  website: string;
  shareEmail: boolean;
  email: string;
  sharePhone: boolean;
  phone: string;
  published: boolean;
}

const emptyDraft: Draft = {
  businessName: '',
  offering: '',
  lookingFor: '',
  skills: '',
  industries: '',
  services: '',
  website: '',
  shareEmail: false,
  email: '',
  sharePhone: false,
  phone: '',
  published: true,
};

function draftOf(showcase: Showcase): Draft {
  return {
    businessName: showcase.businessName,
    offering: showcase.offering,
    lookingFor: showcase.lookingFor ?? '',
    skills: showcase.tags.skills.join(', '),
    industries: showcase.tags.industries.join(', '),
    services: showcase.tags.services.join(', '),
    website: showcase.website ?? '',
    shareEmail: showcase.sharedContact.email !== undefined,
    email: showcase.sharedContact.email ?? '',
    sharePhone: showcase.sharedContact.phone !== undefined,
    phone: showcase.sharedContact.phone ?? '',
    published: showcase.published,
  };
}

/** "TypeScript, data visualisation、医療" → distinct tags (the same tag typed twice counts once). */
export function splitTags(line: string): string[] {
  const seen = new Set<string>();
  return line
    .split(/[,、，;；\n]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '' && !seen.has(normaliseTag(tag)) && seen.add(normaliseTag(tag)));
}

/** The draft as the API contract's ShowcaseInput (not yet validated). */
function inputOf(draft: Draft): unknown {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    businessName: draft.businessName,
    offering: draft.offering,
    lookingFor: optional(draft.lookingFor),
    tags: { skills: splitTags(draft.skills), industries: splitTags(draft.industries), services: splitTags(draft.services) },
    website: optional(draft.website),
    sharedContact: {
      ...(draft.shareEmail && { email: draft.email.trim() }),
      ...(draft.sharePhone && { phone: draft.phone.trim() }),
    },
    published: draft.published,
  };
}

/** Which form field a contract issue is about. */
const fieldOfPath: Record<string, keyof Draft> = {
  businessName: 'businessName',
  offering: 'offering',
  lookingFor: 'lookingFor',
  website: 'website',
  'sharedContact.email': 'email',
  'sharedContact.phone': 'phone',
  'tags.skills': 'skills',
  'tags.industries': 'industries',
  'tags.services': 'services',
};

type Notice = { tone: 'ok' | 'error' | 'info'; text: string } | null;
type Status = ResponseOf<'ui:get-status'>;

/** The alumnus's showcase: edited here, saved to the backend, previewed as staff will see it. */
export function ShowcaseEditor() {
  const { t } = useI18n();
  const send = useSend();
  const [status, setStatus] = useState<Status | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loaded, setLoaded] = useState<ResponseOf<'ui:get-showcase'> | null>(null);
  const [invalid, setInvalid] = useState<Partial<Record<keyof Draft, string>>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    send('ui:get-status', {}).then(setStatus, () => setStatus(null));
    send('ui:get-showcase', {})
      .then((answer) => {
        setLoaded(answer);
        setDraft(answer.showcase ? draftOf(answer.showcase) : emptyDraft);
      })
      .catch((error: unknown) => {
        setDraft(emptyDraft);
        setNotice({ tone: 'error', text: t('editor.failed', { reason: error instanceof Error ? error.message : String(error) }) });
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once per connection; `t` changing language must not reset the draft
  }, [send]);

  const company = status?.me?.company.name ?? '';
  if (!draft) {
    return (
      <main class="al-editor">
        <p role="status">{t('editor.loading')}</p>
      </main>
    );
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const parsed = ShowcaseInput.safeParse(inputOf(draft));

  async function save(event: Event) {
    event.preventDefault();
    const result = ShowcaseInput.safeParse(inputOf(draft!));
    if (!result.success) {
      const fields: Partial<Record<keyof Draft, string>> = {};
      for (const issue of result.error.issues) {
        const path = issue.path.filter((part) => typeof part === 'string').join('.');
        const field = fieldOfPath[path] ?? fieldOfPath[path.split('.').slice(0, 2).join('.')];
        if (field && !fields[field]) fields[field] = issue.message;
      }
      setInvalid(fields);
      setNotice({ tone: 'error', text: t('editor.invalid', { fields: Object.keys(fields).map((field) => labelOf(field as keyof Draft)).join(', ') }) });
      // Keyboard and screen-reader users land on the first field to fix.
      const first = Object.keys(fields)[0];
      if (first) document.getElementById(`al-editor-${first}`)?.focus();
      return;
    }
    setInvalid({});
    setSaving(true);
    setNotice({ tone: 'info', text: t('editor.saving') });
    try {
      const { showcase } = await send('ui:save-showcase', result.data);
      setDraft(draftOf(showcase));
      setNotice({ tone: 'ok', text: t(showcase.published ? 'editor.saved' : 'editor.savedPrivate') });
    } catch (error) {
      setNotice({ tone: 'error', text: t('editor.failed', { reason: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setSaving(false);
    }
  }

  function labelOf(field: keyof Draft): string {
    const labels: Partial<Record<keyof Draft, string>> = {
      businessName: t('editor.business'),
      offering: t('editor.offering'),
      lookingFor: t('editor.lookingFor'),
      skills: t('editor.skills'),
      industries: t('editor.industries'),
      services: t('editor.services'),
      website: t('editor.website'),
      email: t('editor.email'),
      phone: t('editor.phone'),
    };
    return labels[field] ?? field;
  }

  /** A labelled input or textarea, with its problem announced and linked when the contract refuses it. */
  function field(
    key: keyof Draft,
    label: string,
    options: { multiline?: boolean; type?: 'text' | 'url' | 'email' | 'tel'; help?: string; required?: boolean; autoComplete?: string } = {},
  ) {
    const id = `al-editor-${key}`;
    const described = [options.help ? `${id}-help` : '', invalid[key] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      value: draft![key] as string,
      required: options.required,
      'aria-invalid': invalid[key] ? (true as const) : undefined,
      'aria-describedby': described,
      onInput: (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value as never),
    };
    return (
      <div class="al-editor-field">
        <label for={id}>{label}</label>
        {options.multiline ? <textarea rows={3} maxLength={1000} {...common} /> : // Preact types each input type separately; one element serves the four text-like ones here.
          <input type={(options.type ?? 'text') as 'text'} autoComplete={options.autoComplete} {...common} />}
        {options.help && (
          <p class="al-muted" id={`${id}-help`}>
            {options.help}
          </p>
        )}
        {invalid[key] && (
          <p class="al-error" id={`${id}-error`}>
            {invalid[key]}
          </p>
        )}
      </div>
    );
  }

  return (
    <main class="al-editor" aria-labelledby="al-editor-title">
      <header class="al-options-header">
        <span class="al-logo" aria-hidden="true">
          A
        </span>
        <h1 id="al-editor-title">{t('editor.title')}</h1>
      </header>
      <p>{t('editor.intro', { company })}</p>
      {loaded?.offline && <p class="al-editor-note" data-tone="info">{t('editor.offline')}</p>}
      {loaded?.recognised === false && <p class="al-editor-note" data-tone="warning">{t('editor.notRecognised', { company })}</p>}
      <div class="al-editor-columns">
        <form class="al-editor-form" onSubmit={save} noValidate>
          {field('businessName', t('editor.business'), { required: true, autoComplete: 'organization' })}
          {field('offering', t('editor.offering'), { multiline: true, required: true, help: t('editor.offeringHelp') })}
          {field('lookingFor', t('editor.lookingFor'), { multiline: true })}
          <fieldset class="al-editor-group" aria-describedby="al-editor-tags-help">
            <legend>{t('editor.tags')}</legend>
            <p class="al-muted" id="al-editor-tags-help">
              {t('editor.tagsHelp')}
            </p>
            {field('skills', t('editor.skills'))}
            {field('industries', t('editor.industries'))}
            {field('services', t('editor.services'))}
          </fieldset>
          {field('website', t('editor.website'), { type: 'url', autoComplete: 'url' })}
          <fieldset class="al-editor-group" aria-describedby="al-editor-contact-help">
            <legend>{t('editor.contact')}</legend>
            <p class="al-muted" id="al-editor-contact-help">
              {t('editor.contactHelp')}
            </p>
            <label class="al-choice">
              <input type="checkbox" checked={draft.shareEmail} onChange={(e) => set('shareEmail', (e.currentTarget as HTMLInputElement).checked)} />
              {t('editor.shareEmail')}
            </label>
            {draft.shareEmail && field('email', t('editor.email'), { type: 'email', autoComplete: 'email', required: true })}
            <label class="al-choice">
              <input type="checkbox" checked={draft.sharePhone} onChange={(e) => set('sharePhone', (e.currentTarget as HTMLInputElement).checked)} />
              {t('editor.sharePhone')}
            </label>
            {draft.sharePhone && field('phone', t('editor.phone'), { type: 'tel', autoComplete: 'tel', required: true })}
          </fieldset>
          <div class="al-editor-publish">
            <label class="al-choice">
              <input
                type="checkbox"
                checked={draft.published}
                aria-describedby="al-editor-publish-help"
                onChange={(e) => set('published', (e.currentTarget as HTMLInputElement).checked)}
              />
              {t('editor.publish', { company })}
            </label>
            <p class="al-muted" id="al-editor-publish-help">
              {t('editor.publishHelp')}
            </p>
          </div>
          <div class="al-options-actions">
            <button type="submit" class="al-button" data-variant="primary" disabled={saving}>
              {t('editor.save')}
            </button>
          </div>
          <p class="al-options-notice" role="status" aria-live="polite" data-tone={notice?.tone ?? 'none'}>
            {notice?.text ?? ''}
          </p>
        </form>
        <aside class="al-editor-preview" aria-labelledby="al-editor-preview-title">
          <h2 id="al-editor-preview-title">{t('editor.preview')}</h2>
          {!draft.published && <p class="al-editor-note" data-tone="info">{t('editor.unpublishedNote')}</p>}
          {parsed.success ? (
            <div class="al-editor-card" data-published={draft.published ? 'yes' : 'no'}>
              <ShowcaseSummary showcase={parsed.data} preview />
            </div>
          ) : (
            <p class="al-muted">—</p>
          )}
        </aside>
      </div>
    </main>
  );
}
