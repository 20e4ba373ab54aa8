import type { Confidence } from '../../utils/messaging/protocol';
import { useI18n } from '../../utils/i18n/context';

export interface MarkerProps {
  /** 'badge' sits after a name in a list; 'highlight' covers a name found in an organisation website's text. */
  variant: 'badge' | 'highlight';
  confidence?: Confidence;
  /** Viewport box of the anchor, in px. */
  box: { left: number; top: number; width: number; height: number };
  onOpen: () => void;
}

/**
 * A clickable mark drawn over the page in the overlay's closed shadow root: the page's own DOM is
 * never touched, so its scripts cannot tell which names are alumni by looking for our elements.
 */
export function Marker({ variant, confidence, box, onOpen }: MarkerProps) {
  const { t } = useI18n();
  // The same words as the card's confidence label, whichever mark opens it.
  const label = t(variant === 'badge' ? 'badge.label' : 'highlight.label', { confidence: t(`confidence.${confidence ?? 'possible'}`) });
  return (
    <button
      type="button"
      class="al-marker"
      data-variant={variant}
      data-confidence={confidence}
      aria-label={label}
      title={label}
      style={{ left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` }}
      onClick={onOpen}
    >
      {variant === 'badge' && <span aria-hidden="true">A</span>}
    </button>
  );
}
