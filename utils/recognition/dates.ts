// Months as integers (year * 12 + month - 1) so ranges compare with plain arithmetic.

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthNumber(yearMonth: string | null | undefined): number | null {
  if (!yearMonth) return null;
  const match = YEAR_MONTH.exec(yearMonth);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

export function formatMonth(month: number): string {
  const year = Math.floor(month / 12);
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
}

export function currentMonth(now = new Date()): number {
  return now.getUTCFullYear() * 12 + now.getUTCMonth();
}

/**
 * Self-reported dates and HR dates disagree by a few months (notice periods, rounding), so
 * ranges this close still count as overlapping.
 */
export const OVERLAP_SLACK_MONTHS = 6;

export function rangesOverlap(a: readonly [number, number], b: readonly [number, number], slack = OVERLAP_SLACK_MONTHS): boolean {
  return a[0] <= b[1] + slack && a[1] >= b[0] - slack;
}
