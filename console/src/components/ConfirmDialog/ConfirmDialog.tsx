import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../../../utils/i18n/context';

export interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  /** When set, the person must type this text (an employee ID) before confirming. */
  typeToConfirm?: { label: string; expected: string };
  danger?: boolean;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

/**
 * A modal question in a native <dialog>: the browser keeps focus inside it, Escape cancels, and focus returns to
 * the control that opened it when it closes.
 */
export function ConfirmDialog({ title, children, confirmLabel, typeToConfirm, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal?.();
    return () => opener?.focus?.();
  }, []);

  const ready = !typeToConfirm || typed.trim() === typeToConfirm.expected;
  const confirm = async (event: Event) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onCancel={onClose}>
      <form onSubmit={confirm}>
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`}>{children}</div>
        {typeToConfirm && (
          <label class="field">
            <span>{typeToConfirm.label}</span>
            <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" spellcheck={false} />
          </label>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="button" onClick={onClose}>
            {t('console.cancel')}
          </button>
          <button type="submit" class={danger ? 'danger' : 'primary'} disabled={!ready || busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
