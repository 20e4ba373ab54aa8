import type { Alumnus } from '../../utils/api';
import type { Confidence } from '../../utils/messaging/protocol';
import { useI18n } from '../../utils/i18n/context';
import { Avatar } from '../Avatar/Avatar';
import { ConfidenceBadge } from '../ConfidenceBadge/ConfidenceBadge';

export interface PersonRowProps {
  alumnus: Alumnus;
  /** Short lines under the name: role, employer, owner. */
  details: string[];
  confidence?: Confidence;
  onOpen: () => void;
}

/** One alumnus in a list (an organisation's alumni, the people on a page): a button that opens the card. */
export function PersonRow({ alumnus, details, confidence, onOpen }: PersonRowProps) {
  const { t } = useI18n();
  // The button is named "Show NAME"; its lines (role, why they fit…) are read as its description.
  const describedBy = details.length > 0 ? `al-row-${alumnus.id}-${details.length}-${details[0]!.length}` : undefined;
  return (
    <li>
      <button
        type="button"
        class="al-person-row"
        onClick={onOpen}
        aria-label={
          confidence
            ? t('person.openWithConfidence', { name: alumnus.names.display, confidence: t(`confidence.${confidence}`) })
            : t('org.openPerson', { name: alumnus.names.display })
        }
        aria-describedby={describedBy}
      >
        <Avatar name={alumnus.names.latin ?? alumnus.names.display} seed={alumnus.id} size="small" />
        <span class="al-person-row-text">
          <span class="al-person-row-name">{alumnus.names.display}</span>
          <span class="al-person-row-subs" id={describedBy}>
            {details.map((line) => (
              <span key={line} class="al-person-row-sub">
                {line}
              </span>
            ))}
          </span>
        </span>
        {confidence && <ConfidenceBadge confidence={confidence} />}
      </button>
    </li>
  );
}
