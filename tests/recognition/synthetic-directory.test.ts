import { describe, expect, it } from 'vitest';
import { Alumnus } from '../../utils/api';
import { generateDirectory, passportRomaji } from '../../scripts/data/synthetic-directory';

describe('synthetic directory (npm run gen:directory)', () => {
  it('is deterministic for a count and seed, and different for another seed', () => {
    expect(generateDirectory(300, 1)).toEqual(generateDirectory(300, 1));
    expect(generateDirectory(300, 2)).not.toEqual(generateDirectory(300, 1));
  });

  it('writes records in the contract’s shape with agreeing kanji, kana and latin names', () => {
    const alumni = generateDirectory(500, 1);
    for (const alumnus of alumni) expect(Alumnus.safeParse(alumnus).success).toBe(true);
    const japanese = alumni.filter((a) => a.names.kana);
    expect(japanese.length).toBeGreaterThan(150);
    expect(alumni.length - japanese.length).toBeGreaterThan(150);
    for (const a of japanese) {
      const [familyKana, givenKana] = a.names.kana!.split(' ');
      expect(a.names.latin).toBe(`${passportRomaji(givenKana)} ${passportRomaji(familyKana)}`);
      expect(a.names.display).toMatch(/^\S+ \S+$/);
    }
    expect(passportRomaji('さとう')).toBe('Sato');
    expect(passportRomaji('おおの')).toBe('Ono');
  });
});
