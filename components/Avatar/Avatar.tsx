export interface AvatarProps {
  name: string;
  /** Picks a stable background hue, so the same person always looks the same. */
  seed: string;
  size?: 'small' | 'large';
}

/** "Sofia Andersson Reyes" → "SR"; "山田 太郎" → "山" (one CJK character reads as a whole initial). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0] ?? '?';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(first)) return first;
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** FNV-1a with a final mix, so ids that differ in one digit (E2010, E2011) still get far-apart hues. */
function hueOf(seed: string): number {
  let hash = 0x811c9dc5;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return ((hash ^ (hash >>> 12)) >>> 0) % 360;
}

/** Initials on a coloured disc; decorative, the name is always written beside it. */
export function Avatar({ name, seed, size = 'large' }: AvatarProps) {
  return (
    <span class="al-avatar" data-size={size} aria-hidden="true" style={{ '--al-avatar-hue': String(hueOf(seed)) }}>
      {initialsOf(name)}
    </span>
  );
}
