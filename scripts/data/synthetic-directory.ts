import { toRomaji } from 'wanakana';
import type { Alumnus } from '../../utils/api';
import { seededRandom } from '../../utils/seeded-random';
import { DEPARTMENTS, EMPLOYERS, JAPANESE_FAMILY_NAMES, JAPANESE_GIVEN_NAMES, JOB_TITLES, WESTERN_FIRST_NAMES, WESTERN_LAST_NAMES } from './names';

// A deterministic synthetic directory: same count and seed, same bytes. Names are drawn with a
// frequency skew (the first names in each pool are the common ones), as in a real company.

export { seededRandom };

/** Passport-style Hepburn from kana: さとう → Sato, おおの → Ono. */
export function passportRomaji(kana: string): string {
  const romaji = toRomaji(kana).replace(/'/g, '').replace(/ou/g, 'o').replace(/oo/g, 'o').replace(/uu/g, 'u');
  return romaji.charAt(0).toUpperCase() + romaji.slice(1);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function generateDirectory(count: number, seed: number): Alumnus[] {
  const random = seededRandom(seed);
  const skewed = <T>(pool: readonly T[]): T => pool[Math.floor(pool.length * random() ** 1.3)];
  const uniform = <T>(pool: readonly T[]): T => pool[Math.floor(pool.length * random())];
  const hex = () => Math.floor(random() * 0xffffff).toString(16).padStart(6, '0');
  const updatedAt = `2026-0${1 + (seed % 9)}-15T09:00:00.000Z`;
  const alumni: Alumnus[] = [];
  for (let i = 0; i < count; i++) {
    const japanese = random() < 0.55;
    let names: Alumnus['names'];
    let slug: string;
    if (japanese) {
      const family = skewed(JAPANESE_FAMILY_NAMES);
      const given = skewed(JAPANESE_GIVEN_NAMES);
      const latin = `${passportRomaji(given.kana)} ${passportRomaji(family.kana)}`;
      names = { display: `${family.kanji} ${given.kanji}`, kana: `${family.kana} ${given.kana}`, latin };
      if (random() < 0.06) {
        const maiden = skewed(JAPANESE_FAMILY_NAMES);
        names.former = [`${maiden.kanji} ${given.kanji}`];
      }
      slug = latin.toLowerCase().replace(/ /g, '-');
    } else {
      const first = skewed(WESTERN_FIRST_NAMES);
      const middle = random() < 0.12 ? ` ${uniform(WESTERN_FIRST_NAMES)}` : '';
      const last = random() < 0.1 ? `${skewed(WESTERN_LAST_NAMES)} ${uniform(WESTERN_LAST_NAMES)}` : skewed(WESTERN_LAST_NAMES);
      names = { display: `${first}${middle} ${last}`, latin: `${first}${middle} ${last}` };
      if (random() < 0.05) names.former = [`${first} ${uniform(WESTERN_LAST_NAMES)}`];
      slug = `${first} ${last}`.toLowerCase().replace(/[^a-z]+/g, '-');
    }
    const stints = random() < 0.1 ? 2 : 1;
    const tenure: Alumnus['tenure'] = [];
    let year = 1995 + Math.floor(random() * 22);
    for (let s = 0; s < stints; s++) {
      const fromMonth = 1 + Math.floor(random() * 12);
      const months = 6 + Math.floor(random() * 90);
      const end = year * 12 + fromMonth - 1 + months;
      const toYear = Math.min(2025, Math.floor(end / 12));
      tenure.push({ from: `${year}-${pad(fromMonth)}`, to: `${toYear}-${pad(toYear === Math.floor(end / 12) ? (end % 12) + 1 : 12)}`, department: uniform(DEPARTMENTS) });
      year = toYear + 2;
      if (year > 2024) break;
    }
    const alumnus: Alumnus = {
      id: `alm-${seed}-${String(i).padStart(6, '0')}`,
      names,
      tenure,
      consent: { recognition: random() < 0.96, offers: random() < 0.7 },
      updatedAt,
    };
    if (random() < 0.45) alumnus.profileUrls = [`https://www.linkedin.com/in/${slug}-${hex()}`];
    if (random() < 0.7) {
      alumnus.currentEmployer = { name: skewed(EMPLOYERS) };
      alumnus.currentTitle = uniform(JOB_TITLES);
    }
    if (random() < 0.5) alumnus.rehireEligible = random() < 0.8;
    alumni.push(alumnus);
  }
  return alumni;
}
