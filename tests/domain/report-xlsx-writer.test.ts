import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addRow, addSheet, addTable, neutraliseFormula, newWorkbook, workbookBuffer, type CellStyle, type CellValue, type Workbook } from '../../api/services/xlsx-table';

/** The workbooks' tables, read back by exceljs' own (non-streaming) reader. */
async function readBack(book: Workbook) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await workbookBuffer(book)) as unknown as ExcelJS.Buffer);
  return wb;
}

const book = () => newWorkbook({ creator: 'x', title: 'y', created: new Date(0) });
const plain: CellStyle = {};

describe('XLSX tables', () => {
  it('a large table reads back cell for cell, with its header, formats, widths, filter and print setup', async () => {
    const wb = newWorkbook({ creator: 'Giao việc', title: 'Kiểm thử', created: new Date('2025-01-02T03:04:05Z') });
    const n = 25_000;
    const row = (i: number): CellValue[] => [
      i,
      `Triển khai nhiệm vụ số ${i} — ứng dụng "Công dân số" & tiện ích`,
      `Sở ${i % 7}`,
      i % 5 === 0 ? null : new Date(Date.UTC(2025, 0, 1 + (i % 365))),
      (i % 101) / 100,
    ];
    addTable(
      wb,
      'Nhiệm vụ',
      [{ header: 'STT' }, { header: 'Tên nhiệm vụ', max: 60, wrap: true }, { header: 'Đơn vị' }, { header: 'Hạn', numFmt: 'dd/mm/yyyy' }, { header: 'Tiến độ', numFmt: '0.0%' }],
      Array.from({ length: n }, (_, i) => i + 1),
      row,
    );

    const read = await readBack(wb);
    expect(read.creator).toBe('Giao việc');
    expect(read.title).toBe('Kiểm thử');
    const ws = read.getWorksheet('Nhiệm vụ')!;
    expect(ws.rowCount).toBe(n + 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:E${n + 1}`);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(1).getCell(2).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } });
    for (const i of [1, 2, 4_999, 5_000, 12_345, n]) {
      const cells = ws.getRow(i + 1);
      const [stt, title, agency, due, progress] = row(i);
      expect(cells.getCell(1).value).toBe(stt);
      expect(cells.getCell(2).value).toBe(title);
      expect(cells.getCell(2).alignment).toMatchObject({ vertical: 'top', wrapText: true });
      expect(cells.getCell(3).value).toBe(agency);
      expect(cells.getCell(4).value).toEqual(due);
      expect(cells.getCell(4).numFmt).toBe('dd/mm/yyyy');
      expect(cells.getCell(5).value).toBeCloseTo(progress as number, 10);
      expect(cells.getCell(5).numFmt).toBe('0.0%');
    }
    expect(ws.getColumn(2).width).toBe(60);
  });

  it('drops what XML cannot hold, escapes markup, keeps blanks and line breaks, never writes a formula', async () => {
    const wb = book();
    const sheet = addSheet(wb, 'Trang', 0);
    addRow(sheet, ['  hai dòng\nthứ hai  ', 'bell\u0007 <b>', '=1+1', 'a\u0000b\u001fc<d>&"e"\u0085\t\n'], [plain, plain, plain, plain]);
    const ws = (await readBack(wb)).getWorksheet('Trang')!;
    expect(ws.getCell('A1').value).toBe('  hai dòng\nthứ hai  ');
    expect(ws.getCell('B1').value).toBe('bell <b>');
    // A literal, never a formula: the tables have no formulas at all.
    expect(ws.getCell('C1').value).toBe('=1+1');
    expect(ws.getCell('C1').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('D1').value).toBe('abc<d>&"e"\u0085\t\n');
  });

  it('keeps every kind of blank at the start and at the end of a text', async () => {
    // Each character a regular expression's \s matches, but for the vertical tab and form feed, which XML cannot hold.
    const blanks = [...Array(0x10000).keys()].map((c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch) && !/[\v\f]/.test(ch));
    const texts = blanks.flatMap((ch) => [`${ch}a`, `a${ch}`]);
    const wb = book();
    addRow(addSheet(wb, 'Trống', 0), texts, texts.map(() => plain));
    const ws = (await readBack(wb)).getWorksheet('Trống')!;
    // Excel normalises a lone carriage return to a line feed, as XML parsing does.
    expect(texts.map((_, i) => ws.getRow(1).getCell(i + 1).value)).toEqual(texts.map((t) => t.replace(/\r/g, '\n')));
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
    const wb = book();
    addRow(addSheet(wb, 'Số', 0), numbers, numbers.map(() => plain));
    const ws = (await readBack(wb)).getWorksheet('Số')!;
    expect(numbers.map((_, i) => ws.getRow(1).getCell(i + 1).value)).toEqual(numbers.map((n) => (Object.is(n, -0) ? 0 : n)));
  });
});
