/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel in Japan otherwise reads it as Shift_JIS and garbles
 * every name), CRLF line ends, every cell quoted. A cell that a spreadsheet would run as a formula (it starts with
 * = + - @, a tab or a carriage return, or their full-width forms, which Japanese IMEs type) gets a leading
 * apostrophe, so "=HYPERLINK(…)" in a note arrives as text (OWASP's advice on CSV injection).
 */
const formulaStart = /^[=+\-@\t\r＝＋－＠]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toSpreadsheetCsv(header: string[], rows: unknown[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
