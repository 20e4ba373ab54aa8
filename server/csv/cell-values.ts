/** Readers for the cell formats HR exports use; each returns a value or a reason the cell is bad. */
export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

const yes = new Set(['true', 'yes', 'y', '1', 'はい', '可', '有', 'あり', '○', '◯', '同意', 'ok']);
const no = new Set(['false', 'no', 'n', '0', 'いいえ', '不可', '無', 'なし', '×', '✕', '不同意', '拒否']);

export function readBoolean(cell: string): Cell<boolean> {
  const key = cell.normalize('NFKC').trim().toLowerCase();
  if (yes.has(key)) return { ok: true, value: true };
  if (no.has(key)) return { ok: true, value: false };
  return { ok: false, reason: `"${cell}" is not yes/no (true/false, 1/0, はい/いいえ, 可/不可)` };
}

/** "2012-04", "2012/4", "2012-04-01", "2012/04/01", "2012年4月1日" → "2012-04" (tenure is kept by month). */
export function readMonth(cell: string): Cell<string> {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?|\s*月)?$/.exec(cell.normalize('NFKC').trim());
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) return { ok: false, reason: `"${cell}" is not a month such as 2012-04 or 2012/04/01` };
  return { ok: true, value: `${match[1]}-${String(month).padStart(2, '0')}` };
}

/** Several values in one cell, separated by semicolons, vertical bars or line breaks. */
export function readList(cell: string): string[] {
  return cell
    .split(/[;；|\n]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Earlier stints of a boomerang employee: "2005-04..2008-03 Sales; 2010-01..2012-12". */
export function readTenures(cell: string): Cell<{ from: string; to: string; department?: string }[]> {
  const tenures = [];
  for (const part of readList(cell)) {
    const match = /^(\S+?)\s*(?:\.\.|〜|~|～)\s*(\S+)(?:\s+(.+))?$/.exec(part);
    const from = match ? readMonth(match[1]) : undefined;
    const to = match ? readMonth(match[2]) : undefined;
    if (!match || !from?.ok || !to?.ok) return { ok: false, reason: `"${part}" is not a period such as 2005-04..2008-03 Sales` };
    tenures.push({ from: from.value, to: to.value, ...(match[3] ? { department: match[3].trim() } : {}) });
  }
  return { ok: true, value: tenures };
}
