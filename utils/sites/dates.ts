// Date ranges as the sites print them, into months the recognition engine compares.
// Seen: "Apr 2012 - Feb 2024", "Jul 2021 - Present · 3 yrs 1 mo", "Jul 2021 to Present" (screen-reader
// copy), "2017 - 2024", "2012年4月～2024年2月", "2012年4月 - 現在", Xing's "01/2019 – heute".
// Tables, not branches: a new language is a new row.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // German (Xing) and Spanish/French abbreviations that differ from English.
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, ene: 1, abr: 4, ago: 8, dic: 12, janv: 1, févr: 2, avr: 4,
  juin: 6, juil: 7, août: 8, déc: 12,
};

/** Words for "still there" as an end date. */
const PRESENT = /^(present|current|now|today|heute|aktuell|presente|actualidad|actualmente|aujourd’hui|aujourd'hui|現在|至今|今)$/i;

/** A range separator: hyphens and dashes, wave dashes, "to"/"bis"/"から"/"até". */
const SEPARATOR = /\s*(?:–|—|-|‐|‒|―|~|〜|～|\bto\b|\bbis\b|\bhasta\b|から|至)\s*/i;

export interface MonthRange {
  from?: string;
  /** null: still there. */
  to?: string | null;
}

function month(year: number, m: number): string | undefined {
  if (year < 1900 || year > 2100 || m < 1 || m > 12) return undefined;
  return `${year}-${String(m).padStart(2, '0')}`;
}

/** One end of a range. `end` decides which month a bare year stands for (Jan as start, Dec as end: widest overlap). */
function parsePoint(raw: string, end: boolean): string | null | undefined {
  const text = raw.normalize('NFKC').trim().replace(/^(since|seit|desde|depuis)\s+/i, '').replace(/[.,]$/, '');
  if (!text) return undefined;
  if (PRESENT.test(text)) return null;
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(text);
  if (m) return month(+m[1], +m[2]);
  m = /^(\d{4})\s*年$/.exec(text);
  if (m) return month(+m[1], end ? 12 : 1);
  m = /^([\p{L}]+)\.?\s+(\d{4})$/u.exec(text);
  if (m) {
    const index = MONTHS[m[1].toLowerCase()] ?? MONTHS[m[1].toLowerCase().slice(0, 3)];
    return index ? month(+m[2], index) : undefined;
  }
  m = /^(\d{1,2})\s*[/.]\s*(\d{4})$/.exec(text);
  if (m) return month(+m[2], +m[1]);
  m = /^(\d{4})\s*[/.-]\s*(\d{1,2})$/.exec(text);
  if (m) return month(+m[1], +m[2]);
  m = /^(\d{4})$/.exec(text);
  if (m) return month(+m[1], end ? 12 : 1);
  return undefined;
}

/**
 * Parse "Apr 2012 - Feb 2024 · 11 yrs" and friends. Anything after a middle dot (a duration) is ignored.
 * Returns undefined when the text is not a date range at all, so callers can use it to tell date lines apart.
 */
export function parseDateRange(raw: string): MonthRange | undefined {
  const text = raw
    .normalize('NFKC')
    .split(/\s[·•]\s|・|\s\(/)[0]
    // A duration printed without a separator: "Jul 2021 - Present 2 years 9 months".
    .replace(/\s\d{1,2}\s*(?:years?|yrs?|months?|mos?|jahre?|monate?|年|か月|ヶ月)(?:\s.*)?$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text || text.length > 80) return undefined;
  const parts = text.split(SEPARATOR).filter((part) => part.trim() !== '');
  if (parts.length === 1) {
    const seit = /^(since|seit|desde|depuis)\s/i.test(text);
    const from = parsePoint(parts[0], false);
    if (from === undefined || from === null) return undefined;
    return seit ? { from, to: null } : { from };
  }
  if (parts.length !== 2) return undefined;
  const from = parsePoint(parts[0], false);
  const to = parsePoint(parts[1], true);
  if (from === undefined || from === null || to === undefined) return undefined;
  return { from, to };
}

/** A JSON-LD date: "2021-07", "2021-07-01", or a bare year (number or string). */
export function parseIsoMonth(value: unknown, end: boolean): string | undefined {
  if (typeof value === 'number') return month(value, end ? 12 : 1);
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(value.trim());
  if (!m) return undefined;
  return month(+m[1], m[2] ? +m[2] : end ? 12 : 1);
}
