// Small tools for writing pages: a seeded random source (the same seed gives the same page, so a
// failure can be replayed), class names of the shape a build tool hashes them to, and escaping.

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  pick<T>(choices: readonly T[]): T;
  chance(probability: number): boolean;
  int(min: number, max: number): number;
}

/** mulberry32: tiny, fast and good enough to vary markup. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: (choices) => choices[Math.floor(next() * choices.length)]!,
    chance: (probability) => next() < probability,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

/** "_7f5ea149 d5431a5b": what a CSS-modules build leaves, different in every release. */
export function hashedClasses(random: Random, count = random.int(1, 5)): string {
  return Array.from({ length: count }, () => {
    const hex = Math.floor(random.next() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
    return random.chance(0.5) ? `_${hex}` : hex.replace(/^\d/, 'a');
  }).join(' ');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Wraps `inner` in `depth` meaningless <div>s, as component trees do. */
export function wrap(random: Random, inner: string, depth = random.int(0, 3)): string {
  let html = inner;
  for (let i = 0; i < depth; i++) html = `<div class="${hashedClasses(random)}">${html}</div>`;
  return html;
}

export function page(options: { lang: 'en' | 'ja'; title: string; head?: string; body: string }): string {
  return `<!DOCTYPE html><html lang="${options.lang}"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>${options.head ?? ''}</head><body>${options.body}</body></html>`;
}
