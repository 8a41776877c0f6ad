import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../../domain/agencies';
import { MAX_COLUMNS, MAX_ROWS, previewImport, readSpreadsheet, type Grid, type ImportPreview, type ParsedTask } from '../../domain/import';
import { agencySeed } from '../../db/seed/agencies';
import { APPENDIX_I, APPENDIX_II, parseMerges, planDocx, planXlsx, wordTable, type AppendixTable } from '../helpers/appendix-docx';

/**
 * A plan signed in Word: its appendix is a table of the document, after the national heading (itself
 * a layout table) and a "PHỤ LỤC … (Kèm theo Kế hoạch số …)" title block. The same appendix typed into
 * Excel must give the same tasks.
 */

const directory = new AgencyDirectory(agencySeed('son-la'));
const plan = { periodStart: '2023-01-01', periodEnd: '2025-12-31' };
const ctx = { directory, plan };

const withoutRow = (tasks: ParsedTask[]) => tasks.map(({ row: _row, ...t }) => t);
const sortMerges = (g: Grid) => [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left);

async function docOf(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** A Word package written by hand, for the documents no generator writes: broken, hostile, oversized. */
async function packageWith(documentXml: string | Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await planDocx());
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe('a plan signed in Word, and its XLSX twin', () => {
  let docx: Uint8Array;
  let xlsx: Uint8Array;
  let fromWord: ImportPreview;
  let fromExcel: ImportPreview;
  beforeAll(async () => {
    docx = await planDocx([APPENDIX_I, APPENDIX_II]);
    xlsx = await planXlsx([
      { name: 'Phụ lục I', table: APPENDIX_I },
      { name: 'Phụ lục II', table: APPENDIX_II },
    ]);
    fromWord = await previewImport({ data: docx, fileName: 'KH-86-UBND.docx' }, ctx);
    fromExcel = await previewImport({ data: xlsx, fileName: 'phu-luc.xlsx' }, ctx);
  });

  it('lists every table with the text above it, and reads the first whose header has a title and a lead', () => {
    expect(fromWord.format).toBe('docx');
    expect(fromWord.sheets).toEqual([
      { name: 'Bảng 1', rows: 1, columns: 2, hasHeader: false },
      {
        name: 'Bảng 2',
        caption: 'PHỤ LỤC I DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ TỈNH SƠN LA GIAI ĐOẠN 2023–2025 (Kèm theo Kế hoạch số 86/KH-UBND ngày 20 tháng 4 năm 2023 của UBND tỉnh Sơn La)',
        rows: 16,
        columns: 9,
        hasHeader: true,
      },
      {
        name: 'Bảng 3',
        caption: 'PHỤ LỤC II DANH MỤC DỰ ÁN ĐẦU TƯ (Kèm theo Kế hoạch số 86/KH-UBND ngày 20 tháng 4 năm 2023 của UBND tỉnh Sơn La)',
        rows: 3,
        columns: 5,
        hasHeader: true,
      },
    ]);
    expect(fromWord.sheetName).toBe('Bảng 2');
    expect(fromWord.headerRow).toBe(1);
    expect(fromWord.problems).toEqual([]);
    expect(fromWord.ok).toBe(true);
    // Two header rows (the merged "Kinh phí" over its children), the "(1) (2)…" numbering row, then data.
    expect(fromWord.rows.slice(0, 5).map((r) => r.type)).toEqual(['header', 'header', 'header', 'section', 'task']);
    expect(fromWord.columns.map((c) => [c.header, c.field ?? null])).toEqual([
      ['STT', 'number'],
      ['Tên nhiệm vụ', 'title'],
      ['Đơn vị chủ trì', 'lead'],
      ['Cơ quan phối hợp', 'coordinating'],
      ['Thời gian thực hiện', 'timeframe'],
      ['Kinh phí (triệu đồng) Sự nghiệp', 'amountRecurrent'],
      ['Kinh phí (triệu đồng) Đầu tư', 'amountInvestment'],
      ['Nguồn vốn', 'fundingText'],
      ['Ghi chú', 'note'],
    ]);
    expect(fromWord.rows.at(-1)).toMatchObject({ type: 'total', problems: [] });
  });

  it('gives the same tasks as the XLSX twin, and the same counts', () => {
    expect(fromExcel.sheetName).toBe('Phụ lục I');
    expect(fromExcel.problems).toEqual([]);
    expect(fromWord.tasks).toHaveLength(9);
    expect(withoutRow(fromWord.tasks)).toEqual(withoutRow(fromExcel.tasks));
    // The workbook has the three title rows inside the sheet; the Word table starts at its header.
    expect(fromWord.tasks.map((t) => t.row)).toEqual(fromExcel.tasks.map((t) => t.row - APPENDIX_I.title.length));
    expect(fromWord.summary).toEqual({ ...fromExcel.summary, rows: fromWord.summary.rows });
    expect(fromWord.summary).toMatchObject({ rows: 16, tasks: 9, sections: 3, byKind: { new: 8, recurring: 1 } });
  });

  it('reads sections merged across, a lead and a funding source merged down, VN numbers and dates', () => {
    const t = fromWord.tasks;
    expect(t.map((x) => [x.sectionCode, x.section])).toEqual([
      ...Array(3).fill(['I', 'PHÁT TRIỂN HẠ TẦNG SỐ']),
      ...Array(4).fill(['II', 'CHÍNH QUYỀN SỐ']),
      ...Array(2).fill(['III', 'KINH TẾ SỐ VÀ XÃ HỘI SỐ']),
    ]);
    // "Sở Thông tin và Truyền thông" merged down over tasks 1–3 leads each of them.
    expect(t.slice(0, 3).map((x) => x.leads.map((l) => l.code))).toEqual([['STTTT'], ['STTTT'], ['STTTT']]);
    expect(t[0]).toMatchObject({
      number: '1',
      title: 'Nâng cấp Trung tâm tích hợp dữ liệu tỉnh',
      coordinatingAgencyCodes: ['STC', 'SKHDT'],
      startDate: '2023-01-01',
      dueDate: '2025-12-31',
      funding: { text: 'Ngân sách tỉnh', sources: ['province'], amounts: { recurrent: 1200, investment: 7184.4, total: 8384.4 } },
    });
    // "Ngân sách tỉnh" merged over tasks 1–2; the amount of task 2 is its own.
    expect(t[1]).toMatchObject({ startDate: '2024-04-01', dueDate: '2024-06-30', funding: { text: 'Ngân sách tỉnh', amounts: { recurrent: 350.5, total: 350.5 } } });
    expect(t[2]).toMatchObject({ startDate: '2024-01-01', dueDate: '2024-12-31', funding: { text: 'Xã hội hóa', sources: ['socialized'] }, note: 'Doanh nghiệp viễn thông đầu tư' });
    expect(t[3]!.funding).toMatchObject({ sources: ['central', 'province'], amounts: { recurrent: 2500, investment: 12000, total: 14500 } });
    expect(t[4]).toMatchObject({ timeframeText: '30/06/2024', startDate: '2024-06-30', dueDate: '2024-06-30' });
    expect(t[5]).toMatchObject({ kind: 'recurring', startDate: '2023-01-01', dueDate: '2025-12-31' });
    expect(t[6]!.leads).toEqual([{ code: 'HUYEN', kind: 'group', members: expect.arrayContaining(['TP-SONLA', 'H-MOCCHAU']) }]);
    // Two paragraphs in one cell read as one title.
    expect(t[7]!.title).toBe('Đào tạo kỹ năng số cho người dân (ưu tiên đồng bào dân tộc thiểu số)');
  });

  it('gives merged cells as the XLSX reader gives them: the same ranges, text in the top-left cell', async () => {
    const word = await readSpreadsheet({ data: docx });
    const excel = await readSpreadsheet({ data: xlsx });
    if (!word.ok || !excel.ok) throw new Error('both files must read');
    const table = word.grids[1]!;
    const sheet = excel.grids[0]!;
    const offset = APPENDIX_I.title.length;
    const shifted = sortMerges(sheet)
      .filter((m) => m.top >= offset)
      .map((m) => ({ ...m, top: m.top - offset, bottom: m.bottom - offset }));
    expect(sortMerges(table)).toEqual(shifted);
    expect(sortMerges(table)).toEqual(parseMerges(APPENDIX_I.merges).sort((a, b) => a.top - b.top || a.left - b.left));
    expect(table.width).toBe(sheet.width);
    // The header rows hold the same text in the same cells, covered cells absent.
    for (const r of [0, 1, 2]) expect(table.rows[r]).toEqual(sheet.rows[r + offset]);
    expect(table.rows[5]![2]).toBeUndefined();
    // Paragraphs (Enter) and line breaks (Shift+Enter) inside a cell are lines.
    expect(table.rows[4]![3]).toEqual({ text: 'Sở Tài chính;\nSở Kế hoạch và Đầu tư' });
    expect(table.rows[13]![1]).toEqual({ text: 'Đào tạo kỹ năng số cho người dân\n(ưu tiên đồng bào dân tộc thiểu số)' });
    // Word keeps numbers as text, written the Vietnamese way.
    expect(table.rows[4]!.slice(5, 7)).toEqual([{ text: '1.200' }, { text: '7.184,4' }]);
  });

  it('reads the table or worksheet asked for by name', async () => {
    const second = await previewImport({ data: docx, fileName: 'KH-86-UBND.docx' }, ctx, { sheet: 'Bảng 3' });
    expect(second.sheetName).toBe('Bảng 3');
    expect(second.problems).toEqual([]);
    expect(second.tasks.map((t) => [t.title, t.leads[0]!.code, t.funding?.amounts?.total])).toEqual([
      ['Hệ thống camera giám sát giao thông thành phố Sơn La', 'CAT', 45000],
      ['Trung tâm giám sát, điều hành đô thị thông minh', 'TP-SONLA', 62500],
    ]);
    // Case and spacing do not matter.
    expect((await previewImport({ data: docx }, ctx, { sheet: ' bảng 3 ' })).sheetName).toBe('Bảng 3');
    // The workbook's second sheet gives the same two tasks.
    const excel = await previewImport({ data: xlsx }, ctx, { sheet: 'Phụ lục II' });
    expect(excel.sheetName).toBe('Phụ lục II');
    expect(withoutRow(excel.tasks)).toEqual(withoutRow(second.tasks));

    // A table without the required columns is not replaced by another one.
    const heading = await previewImport({ data: docx }, ctx, { sheet: 'Bảng 1' });
    expect(heading).toMatchObject({ ok: false, sheetName: 'Bảng 1', tasks: [] });
    expect(heading.problems[0]!.message).toMatch(/Thiếu cột bắt buộc/);

    const missing = await previewImport({ data: docx }, ctx, { sheet: 'Bảng 9' });
    expect(missing.ok).toBe(false);
    expect(missing.sheets).toHaveLength(3);
    expect(missing.problems).toEqual([{ field: 'sheet', severity: 'error', message: 'Không có bảng "Bảng 9" trong tệp. Các bảng có: "Bảng 1", "Bảng 2", "Bảng 3".' }]);
    const noSheet = await previewImport({ data: xlsx }, ctx, { sheet: 'Sheet1' });
    expect(noSheet.problems[0]!.message).toBe('Không có trang tính "Sheet1" trong tệp. Các trang tính có: "Phụ lục I", "Phụ lục II".');
    const csv = await previewImport({ data: new TextEncoder().encode('STT,Tên nhiệm vụ,Đơn vị chủ trì\n1,Số hóa,Sở Nội vụ\n') }, ctx, { sheet: 'Bảng 1' });
    expect(csv).toMatchObject({ ok: false, sheets: [], problems: [{ field: 'sheet', severity: 'error', message: expect.stringContaining('CSV') }] });
    expect((await previewImport({ data: new TextEncoder().encode('STT,Tên nhiệm vụ,Đơn vị chủ trì\n1,Số hóa,Sở Nội vụ\n') }, ctx)).sheets).toEqual([]);
  });

  it('reads an STT column and section numbers that Word numbers itself as Word shows them', async () => {
    const numbered = await planDocx([APPENDIX_I, APPENDIX_II], { numbered: true });
    const read = await readSpreadsheet({ data: numbered });
    if (!read.ok) throw new Error(read.problem.message);
    const table = read.grids[1]!;
    // No number is typed in these cells: Word's list numbering writes them.
    expect([table.rows[3]![0], table.rows[4]![0], table.rows[7]![0], table.rows[12]![0], table.rows[14]![0]]).toEqual([
      { text: 'I.\tPHÁT TRIỂN HẠ TẦNG SỐ' },
      { text: '1.' },
      { text: 'II.' },
      { text: 'III.\tKINH TẾ SỐ VÀ XÃ HỘI SỐ' },
      { text: '9.' },
    ]);
    const p = await previewImport({ data: numbered }, ctx);
    expect(p.problems).toEqual([]);
    expect(withoutRow(p.tasks)).toEqual(withoutRow(fromExcel.tasks));
  });

  it('tells the format by the content, not the name, and says when the name is wrong', async () => {
    const renamed = await previewImport({ data: docx, fileName: 'phu-luc.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, ctx);
    expect(renamed.format).toBe('docx');
    expect(renamed.ok).toBe(true);
    expect(withoutRow(renamed.tasks)).toEqual(withoutRow(fromWord.tasks));
    expect(renamed.problems).toEqual([{ severity: 'warning', message: expect.stringMatching(/như bảng tính \.xlsx nhưng là tài liệu Word/) }]);

    const other = await previewImport({ data: xlsx, fileName: 'ke-hoach.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, ctx);
    expect(other.format).toBe('xlsx');
    expect(other.ok).toBe(true);
    expect(withoutRow(other.tasks)).toEqual(withoutRow(fromExcel.tasks));
    expect(other.problems).toEqual([{ severity: 'warning', message: expect.stringMatching(/như tài liệu Word \.docx nhưng là bảng tính Excel/) }]);

    // Without a name, or sent as CSV: still the Word document.
    expect((await previewImport({ data: docx }, ctx)).tasks).toHaveLength(9);
    expect((await previewImport({ data: docx, contentType: 'text/csv' }, ctx)).format).toBe('docx');
  });
});

describe('Word documents that hold no appendix', () => {
  it('a document without any table', async () => {
    const data = await docOf([new Paragraph('KẾ HOẠCH'), new Paragraph('Các nhiệm vụ sẽ được giao sau.')]);
    const p = await previewImport({ data, fileName: 'ke-hoach.docx' }, ctx);
    expect(p).toMatchObject({ format: 'docx', ok: false, tasks: [], sheets: [] });
    expect(p.problems).toEqual([{ severity: 'error', message: expect.stringContaining('Tài liệu Word không có bảng nào') }]);
  });

  it('a document whose only table has no appendix header names what it found', async () => {
    const data = await docOf([wordTable({ title: [], rows: [['Nơi nhận', 'Ghi chú'], ['Như trên', 'Lưu VT']], merges: [] })]);
    const p = await previewImport({ data }, ctx);
    expect(p).toMatchObject({ format: 'docx', ok: false, sheetName: 'Bảng 1' });
    expect(p.problems[0]!.message).toMatch(/Thiếu cột bắt buộc.*"Nơi nhận"/);
  });

  it('a corrupt document: cut short, or its text not well-formed XML', async () => {
    const whole = await planDocx();
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const named = await previewImport({ data: cut, fileName: 'ke-hoach.docx' }, ctx);
    expect(named).toMatchObject({ format: 'docx', ok: false });
    expect(named.problems).toEqual([{ severity: 'error', message: expect.stringContaining('bị hỏng') }]);
    // Without a name it could have been either kind of package.
    const unnamed = await previewImport({ data: cut }, ctx);
    expect(unnamed.ok).toBe(false);
    expect(unnamed.problems[0]!.message).toMatch(/ZIP.*bị hỏng.*DOCX/);

    const broken = await packageWith(`<w:document ${W}><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc></w:tr>`);
    const p = await previewImport({ data: broken, fileName: 'ke-hoach.docx' }, ctx);
    expect(p).toMatchObject({ format: 'docx', ok: false, problems: [{ severity: 'error', message: expect.stringContaining('bị hỏng') }] });
    const mismatched = await packageWith(`<w:document ${W}><w:body><w:p></w:tbl></w:body></w:document>`);
    expect((await previewImport({ data: mismatched }, ctx)).problems[0]!.message).toContain('bị hỏng');
  });

  it('refuses a DTD (entity expansion) and a part that inflates past the limit, without reading on', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const p = await previewImport({ data: await packageWith(lol) }, ctx);
    expect(p).toMatchObject({ format: 'docx', ok: false, problems: [{ message: expect.stringContaining('bị hỏng') }] });

    // 65 MB of spaces deflate to well under a megabyte.
    const bomb = await packageWith(`<w:document ${W}><w:body>${' '.repeat(65 * 1024 * 1024)}</w:body></w:document>`);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const b = await previewImport({ data: bomb }, ctx);
    expect(b).toMatchObject({ format: 'docx', ok: false, problems: [{ severity: 'error', message: expect.stringContaining('quá lớn') }] });
  });

  it('a table over the row or column limit', async () => {
    const row = '<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>';
    const long = await packageWith(`<w:document ${W}><w:body><w:tbl>${row.repeat(MAX_ROWS + 1)}</w:tbl></w:body></w:document>`);
    const p = await previewImport({ data: long }, ctx);
    expect(p.problems).toEqual([{ severity: 'error', message: `Tài liệu Word: Bảng 1 có hơn ${MAX_ROWS} dòng, quá giới hạn của một phụ lục.` }]);

    const wide = await docOf([new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('STT')], columnSpan: MAX_COLUMNS + 50 })] })] })]);
    const w = await previewImport({ data: wide }, ctx);
    expect(w.problems).toEqual([{ severity: 'error', message: `Tài liệu Word: Bảng 1 có hơn ${MAX_COLUMNS} cột, không phải bảng phụ lục đọc được.` }]);
  });
});

describe('Word details', () => {
  const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện'];
  const simple = (rows: AppendixTable['rows']): AppendixTable => ({ title: [], rows: [HEADER, ...rows], merges: [] });

  it('shows tracked changes as Word shows them: insertions in, deletions out', async () => {
    const table = new Table({
      rows: [
        new TableRow({ children: HEADER.map((h) => new TableCell({ children: [new Paragraph(h)] })) }),
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph('1')] }),
            new TableCell({ children: [new Paragraph('Số hóa sổ hộ tịch')] }),
            new TableCell({
              children: [
                new Paragraph({
                  children: [
                    new DeletedTextRun({ text: 'Sở Nội vụ', id: 1, author: 'Văn thư', date: '2023-04-18T08:00:00Z' }),
                    new InsertedTextRun({ text: 'Sở Tư pháp', id: 2, author: 'Văn thư', date: '2023-04-18T08:00:00Z' }),
                  ],
                }),
              ],
            }),
            new TableCell({ children: [new Paragraph({ children: [new TextRun('Năm'), new TextRun(' 2024')] })] }),
          ],
        }),
      ],
    });
    const p = await previewImport({ data: await docOf([table]) }, ctx);
    expect(p.problems).toEqual([]);
    expect(p.tasks[0]).toMatchObject({ leadText: 'Sở Tư pháp', leads: [{ code: 'STP' }], timeframeText: 'Năm 2024', dueDate: '2024-12-31' });
  });

  it('lists a table nested in a cell after the table around it, and keeps its text in that cell', async () => {
    const inner = wordTable(simple([[1, 'Số hóa sổ hộ tịch', 'Sở Tư pháp', '2024']]));
    const frame = new Table({
      rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('PHỤ LỤC'), inner, new Paragraph('')] })] })],
    });
    const after = wordTable(simple([[1, 'Chữ ký số', 'Văn phòng UBND tỉnh', '2023']]));
    const data = await docOf([new Paragraph('Trang bìa'), frame, new Paragraph('PHỤ LỤC II'), after]);
    const read = await readSpreadsheet({ data });
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.grids.map((g) => [g.name, g.caption])).toEqual([
      ['Bảng 1', 'Trang bìa'],
      ['Bảng 2', 'PHỤ LỤC'],
      ['Bảng 3', 'PHỤ LỤC II'],
    ]);
    expect(read.grids[0]!.rows).toEqual([[{ text: 'PHỤ LỤC\nSTT\tTên nhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện\n1\tSố hóa sổ hộ tịch\tSở Tư pháp\t2024' }]]);
    const p = await previewImport({ data }, ctx);
    expect(p.sheetName).toBe('Bảng 2');
    expect(p.tasks.map((t) => t.title)).toEqual(['Số hóa sổ hộ tịch']);
  });

  it('flags text that would run as a spreadsheet formula, as for CSV', async () => {
    const data = await docOf([wordTable(simple([[1, '=HYPERLINK("http://x","Số hóa")', 'Sở Tư pháp', '2024']]))]);
    const p = await previewImport({ data }, ctx);
    expect(p.ok).toBe(false);
    expect(p.problems).toEqual([expect.objectContaining({ row: 2, column: 'B — Tên nhiệm vụ', severity: 'error', message: expect.stringContaining('công thức') })]);
  });

  it('an old Word 97–2003 .doc is named as such', async () => {
    const p = await previewImport({ data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), fileName: 'ke-hoach.doc' }, ctx);
    expect(p).toMatchObject({ format: 'docx', ok: false, problems: [{ message: expect.stringContaining('(.doc)') }] });
  });
});
