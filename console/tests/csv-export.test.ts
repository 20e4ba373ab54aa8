import { describe, expect, test } from 'vitest';
import { csvCell, toSpreadsheetCsv } from '../../server/console/csv-export';

describe('CSV for spreadsheets', () => {
  test('cells a spreadsheet would run as a formula start with an apostrophe; others are left as they are', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+81 3')).toBe(`"'+81 3"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('＝ＳＵＭ')).toBe(`"'＝ＳＵＭ"`);
    expect(csvCell('a=b')).toBe('"a=b"');
    expect(csvCell('山田 太郎')).toBe('"山田 太郎"');
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(3)).toBe('"3"');
  });

  test('quotes are doubled inside quoted cells; the file starts with a BOM and ends lines with CRLF', () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(toSpreadsheetCsv(['a', 'b'], [['1', '=2']])).toBe('\uFEFF"a","b"\r\n"1","\'=2"\r\n');
  });
});
