import { useEffect, useRef, useState } from 'preact/hooks';
import type { IntroductionKind, Role } from '../../utils/api';
import type { OutboxItemStatus } from '../../utils/messaging/protocol';
import { useI18n } from '../../utils/i18n/context';
import { useSend } from '../api-context';
import { OutboxStatus } from '../OutboxStatus/OutboxStatus';
import { useOutboxItem } from '../OutboxStatus/useOutboxItem';

export const INTRODUCTION_KINDS: IntroductionKind[] = ['referral', 'rehire', 'sales-introduction', 'collaboration', 'other'];

export interface IntroductionFormProps {
  alumnusId: string;
  role: Role | null;
  /** Where it happened; the worker stores it with the introduction. */
  context: { url?: string; site?: string; organizationId?: string };
  pollMs?: number;
}

function defaultKind(role: Role | null): IntroductionKind {
  return role === 'sales' ? 'sales-introduction' : 'referral';
}

/** Kind + note, queued in the worker's outbox; the status line follows it until the backend has it. */
export function IntroductionForm({ alumnusId, role, context, pollMs }: IntroductionFormProps) {
  const { t } = useI18n();
  const send = useSend();
  const [kind, setKind] = useState<IntroductionKind>(defaultKind(role));
  const [note, setNote] = useState('');
  const [queued, setQueued] = useState<OutboxItemStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const item = useOutboxItem(queued, pollMs);
  const logged = item !== null;
  const formId = `al-intro-${alumnusId}`;
  const formRef = useRef<HTMLFormElement>(null);
  const refocus = useRef(false);

  // Logging (or "Log another") removes the very button that was pressed: keep a keyboard user's focus in
  // the form (whose name, then the live status, is read) instead of letting it fall out to the page.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    if (logged) formRef.current?.focus();
    else formRef.current?.querySelector('select')?.focus();
  }, [logged]);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const trimmed = note.trim();
      setQueued(await send('page:log-introduction', { alumnusId, kind, note: trimmed || undefined, context }));
      refocus.current = true;
      setNote('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      tabIndex={-1}
      class="al-intro-form"
      onSubmit={submit}
      aria-labelledby={`${formId}-title`}
      data-state={item?.state ?? 'idle'}
    >
      <h3 class="al-section-title" id={`${formId}-title`}>
        {t('intro.title')}
      </h3>
      {!logged && (
        <>
          <label class="al-field">
            {t('intro.kind')}
            <select value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as IntroductionKind)}>
              {INTRODUCTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`intro.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="al-field">
            {t('intro.note')}
            <textarea maxLength={2000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <button class="al-button" data-variant="primary" type="submit" disabled={busy}>
            {t('intro.submit')}
          </button>
        </>
      )}
      <OutboxStatus item={item} error={error} />
      {logged && (item.state === 'sent' || item.state === 'failed') && (
        <button
          class="al-button"
          data-variant="quiet"
          type="button"
          onClick={() => {
            refocus.current = true;
            setQueued(null);
          }}
        >
          {t('intro.another')}
        </button>
      )}
    </form>
  );
}
