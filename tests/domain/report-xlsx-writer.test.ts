import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { escapeXml, keepsBlanks, XlsxWriter, type CellValue } from '../../api/services/xlsx-writer';
import { neutraliseFormula } from '../../api/services/xlsx-table';

/** The annual report's workbook writer, read back by an independent reader (exceljs). */
async function readBack(book: XlsxWriter) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await book.toBuffer()) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('XLSX writer', () => {
  it('a sheet larger than one deflate segment reads back cell for cell', async () => {
    const book = new XlsxWriter({ creator: 'Giao việc', title: 'Kiểm thử', created: new Date('2025-01-02T03:04:05Z') });
    const text = book.style({ vertical: 'top', wrap: true });
    const date = book.style({ numFmt: 'dd/mm/yyyy' });
    const percent = book.style({ numFmt: '0.0%' });
    const sheet = book.addSheet('Nhiệm vụ', 1);
    sheet.addRow(['STT', 'Tên nhiệm vụ', 'Đơn vị', 'Hạn', 'Tiến độ'], Array(5).fill(book.style({ font: 'bold' })));
    // About 3 MB of sheet XML: several segments, each its own deflate stream.
    const n = 25_000;
    const row = (i: number): CellValue[] => [
      i,
      `Triển khai nhiệm vụ số ${i} — ứng dụng "Công dân số" & tiện ích`,
      `Sở ${i % 7}`,
      i % 5 === 0 ? null : new Date(Date.UTC(2025, 0, 1 + (i % 365))),
      (i % 101) / 100,
    ];
    for (let i = 1; i <= n; i++) sheet.addRow(row(i), [text, text, text, date, percent]);
    sheet.widths = [8, 60, 12, 12, 10];
    sheet.autoFilterTo = n + 1;

    const ws = (await readBack(book)).getWorksheet('Nhiệm vụ')!;
    expect(ws.rowCount).toBe(n + 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
    for (const i of [1, 2, 4_999, 5_000, 12_345, n]) {
      const cells = ws.getRow(i + 1);
      const [stt, title, agency, due, progress] = row(i);
      expect(cells.getCell(1).value).toBe(stt);
      expect(cells.getCell(2).value).toBe(title);
      expect(cells.getCell(3).value).toBe(agency);
      expect(cells.getCell(4).value).toEqual(due);
      if (due) expect(cells.getCell(4).numFmt).toBe('dd/mm/yyyy');
      expect(cells.getCell(5).value).toBeCloseTo(progress as number, 10);
      expect(cells.getCell(5).numFmt).toBe('0.0%');
    }
    expect(ws.getColumn(2).width).toBe(60);
  });

  it('drops what XML cannot hold, escapes markup, keeps blanks and line breaks', async () => {
    expect(escapeXml('a\u0000b\u001fc<d>&"e"\u0085\t\n')).toBe('abc&lt;d&gt;&amp;&quot;e&quot;\u0085\t\n');
    const book = new XlsxWriter({ creator: 'x', title: 'y', created: new Date(0) });
    const sheet = book.addSheet('Trang', 0);
    sheet.addRow(['  hai dòng\nthứ hai  ', 'bell\u0007 <b>', '=1+1'], [0, 0, 0]);
    const ws = (await readBack(book)).getWorksheet('Trang')!;
    expect(ws.getCell('A1').value).toBe('  hai dòng\nthứ hai  ');
    expect(ws.getCell('B1').value).toBe('bell <b>');
    // A literal, never a formula: the writer has no formulas at all.
    expect(ws.getCell('C1').value).toBe('=1+1');
    expect(ws.getCell('C1').type).toBe(ExcelJS.ValueType.String);
  });

  it('marks blanks to keep exactly where a regular expression\'s \\s would find them', () => {
    // Character tests stand in for /^\s|\n|\s$/: every UTF-16 code unit at the start, at the end, alone.
    const disagreeing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `${ch}a`, `a${ch}`, `a${ch}b`]) if (keepsBlanks(text) !== /^\s|\n|\s$/.test(text)) disagreeing.push(text);
    }
    expect(disagreeing).toEqual([]);
    expect(keepsBlanks('')).toBe(false);
    expect(keepsBlanks('😀')).toBe(false);
  });

  it('neutralises text that starts like a formula, and nothing else', () => {
    for (let c = 0; c < 0x80; c++) {
      const text = `${String.fromCharCode(c)}1+1`;
      expect(neutraliseFormula(text)).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    }
    expect(neutraliseFormula('')).toBe('');
  });

  it('writes every number the way JavaScript prints it, whole or not', async () => {
    const numbers = [0, -0, 7, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, 2 ** 53, -5, 0.1 + 0.2, 1e21, 1e-7, -1234.5];
    const book = new XlsxWriter({ creator: 'x', title: 'y', created: new Date(0) });
    book.addSheet('Số', 0).addRow(numbers, numbers.map(() => 0));
    const ws = (await readBack(book)).getWorksheet('Số')!;
    expect(numbers.map((_, i) => ws.getRow(1).getCell(i + 1).value)).toEqual(numbers.map((n) => (Object.is(n, -0) ? 0 : n)));
  });
});
