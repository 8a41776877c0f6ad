import { AlignmentType, Document, LevelFormat, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import ExcelJS from 'exceljs';

/**
 * A plan appendix written twice, as a provincial office would sign it in Word and as the same table
 * typed into Excel: one logical table (cells and merged ranges) rendered into a .docx with the
 * `docx` package and into an .xlsx with exceljs. Word stores every cell as text, so numbers and
 * dates are written the Vietnamese way there ("1.200", "7.184,4", "30/06/2024") and typed in Excel.
 */

export type Value = string | number | Date | null;

export interface AppendixTable {
  /** Paragraphs right above the table (the "PHỤ LỤC" title block). */
  title: string[];
  rows: Value[][];
  /** Merged ranges, "A1:I1" style, rows counted from the table's first row. */
  merges: string[];
}

/**
 * "Kế hoạch chuyển đổi số tỉnh Sơn La giai đoạn 2023–2025" (86/KH-UBND), invented for these tests in
 * the shape of the province's real appendices: a two-level header with "Kinh phí (triệu đồng)" over
 * "Sự nghiệp" | "Đầu tư", single-level columns merged down, a numbering row, sections merged across
 * (written "I. …" in one cell, or "II" then the heading), a lead and a funding source merged down
 * over several tasks, and a total row.
 */
export const APPENDIX_I: AppendixTable = {
  title: [
    'PHỤ LỤC I',
    'DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ TỈNH SƠN LA GIAI ĐOẠN 2023–2025',
    '(Kèm theo Kế hoạch số 86/KH-UBND ngày 20 tháng 4 năm 2023 của UBND tỉnh Sơn La)',
  ],
  rows: [
    ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kinh phí (triệu đồng)', null, 'Nguồn vốn', 'Ghi chú'],
    [null, null, null, null, null, 'Sự nghiệp', 'Đầu tư', null, null],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
    ['I. PHÁT TRIỂN HẠ TẦNG SỐ', null, null, null, null, null, null, null, null],
    [1, 'Nâng cấp Trung tâm tích hợp dữ liệu tỉnh', 'Sở Thông tin và Truyền thông', 'Sở Tài chính;\nSở Kế hoạch và Đầu tư', '2023 - 2025', 1200, 7184.4, 'Ngân sách tỉnh', null],
    [2, 'Mở rộng Mạng truyền số liệu chuyên dùng đến cấp xã', null, 'UBND các huyện, thành phố', 'Quý II/2024', 350.5, null, null, null],
    [3, 'Phủ sóng di động 4G tại các bản vùng sâu, vùng xa', null, 'Sở Công Thương', 'Năm 2024', null, null, 'Xã hội hóa', 'Doanh nghiệp viễn thông đầu tư'],
    ['II', 'CHÍNH QUYỀN SỐ', null, null, null, null, null, null, null],
    [4, 'Xây dựng cơ sở dữ liệu đất đai tỉnh Sơn La', 'Sở Tài nguyên và Môi trường', 'Sở Tư pháp; UBND các huyện, thành phố', '2023-2025', 2500, 12000, 'Ngân sách trung ương, ngân sách tỉnh', null],
    [5, 'Số hóa sổ hộ tịch lưu trữ', 'Sở Tư pháp', 'UBND các huyện, thành phố', new Date(Date.UTC(2024, 5, 30)), 800, null, 'Ngân sách tỉnh', null],
    [6, 'Triển khai chữ ký số cho cán bộ, công chức', 'Văn phòng UBND tỉnh', 'Sở Nội vụ', 'Thường xuyên', null, null, null, null],
    [7, 'Đưa dịch vụ công trực tuyến toàn trình lên Cổng Dịch vụ công của tỉnh', 'UBND các huyện, thành phố', 'Sở Thông tin và Truyền thông', 'Năm 2023', null, null, null, 'Mỗi huyện ít nhất 80% thủ tục'],
    ['III. KINH TẾ SỐ VÀ XÃ HỘI SỐ', null, null, null, null, null, null, null, null],
    [8, 'Đào tạo kỹ năng số cho người dân\n(ưu tiên đồng bào dân tộc thiểu số)', 'Sở Giáo dục và Đào tạo', 'Sở LĐ-TBXH', '2023', 150, null, 'Ngân sách tỉnh', null],
    [9, 'Phát triển thương mại điện tử cho nông sản chủ lực', 'Sở Công Thương', 'Sở NN&PTNT', '2024-2025', 600, null, 'Ngân sách tỉnh, xã hội hóa', null],
    ['Tổng cộng', null, null, null, null, 5600.5, 19184.4, null, null],
  ],
  merges: [
    // The header: single-level columns merged down, "Kinh phí" across its two children.
    'A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1', 'H1:H2', 'I1:I2',
    // Sections across the table.
    'A4:I4', 'B8:I8', 'A13:I13',
    // Sở TTTT leads tasks 1–3; "Ngân sách tỉnh" funds tasks 1–2.
    'C5:C7', 'H5:H6',
    'A16:E16',
  ],
};

/** A second appendix in the same document: the projects, fewer columns. */
export const APPENDIX_II: AppendixTable = {
  title: ['PHỤ LỤC II', 'DANH MỤC DỰ ÁN ĐẦU TƯ', '(Kèm theo Kế hoạch số 86/KH-UBND ngày 20 tháng 4 năm 2023 của UBND tỉnh Sơn La)'],
  rows: [
    ['TT', 'Tên dự án', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Tổng mức đầu tư (tỷ đồng)'],
    [1, 'Hệ thống camera giám sát giao thông thành phố Sơn La', 'Công an tỉnh', '2024-2025', 45],
    [2, 'Trung tâm giám sát, điều hành đô thị thông minh', 'UBND thành phố Sơn La', '2023-2025', 62.5],
  ],
  merges: [],
};

/** Column letters → 0-based index ("A" → 0, "AA" → 26). */
function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function parseMerges(merges: string[]) {
  return merges.map((ref) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)!;
    return { top: Number(m[2]) - 1, left: columnIndex(m[1]!), bottom: Number(m[4]) - 1, right: columnIndex(m[3]!) };
  });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** What Word shows: numbers with Vietnamese separators, dates as dd/mm/yyyy. */
export function wordText(v: Value): string {
  if (v === null) return '';
  if (v instanceof Date) return `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === 'number') return v.toLocaleString('vi-VN', { maximumFractionDigits: 6 });
  return v;
}

/**
 * The cell's paragraphs: a "\n" in the middle of a title starts a new paragraph (Enter), one after
 * ";" is a line break inside the paragraph (Shift+Enter); Word shows both as a new line.
 */
function cellParagraphs(text: string): Paragraph[] {
  return text.split(/(?<!;)\n/).map(
    (para) =>
      new Paragraph({
        children: para.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
      }),
  );
}

/**
 * Word's own list numbering for the STT column, as many offices number it: "1.", "2.", … for tasks and
 * "I.", "II.", … for sections, counted by Word instead of typed.
 */
export const NUMBERING = {
  config: [
    { reference: 'stt', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.CENTER }] },
    { reference: 'muc', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT }] },
  ],
};

/** The first column's cell with Word numbering in place of the typed number (needs `NUMBERING` in the document). */
function numberedCell(v: Value): Paragraph[] | undefined {
  if (typeof v === 'number') return [new Paragraph({ numbering: { reference: 'stt', level: 0 } })];
  if (typeof v !== 'string') return undefined;
  const heading = /^([IVX]+)(?:\.\s+(.*))?$/.exec(v);
  if (!heading) return undefined;
  return [new Paragraph({ numbering: { reference: 'muc', level: 0 }, children: heading[2] ? [new TextRun(heading[2])] : [] })];
}

/** The table as Word writes it: w:gridSpan across, w:vMerge restart/continue down; `numbered`: STT by Word's numbering. */
export function wordTable(t: AppendixTable, opts: { numbered?: boolean } = {}): Table {
  const merges = parseMerges(t.merges);
  const width = Math.max(...t.rows.map((r) => r.length));
  const rows = t.rows.map((row, r) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      const m = merges.find((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
      if (m && c !== m.left) continue;
      const span = m ? m.right - m.left + 1 : 1;
      if (m && r > m.top) {
        cells.push(new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE, ...(span > 1 ? { columnSpan: span } : {}) }));
        continue;
      }
      const value = row[c] ?? null;
      const numbered = opts.numbered && c === 0 && r >= 3 ? numberedCell(value) : undefined;
      cells.push(
        new TableCell({
          children: numbered ?? cellParagraphs(wordText(value)),
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(m && m.bottom > m.top ? { verticalMerge: VerticalMergeType.RESTART } : {}),
        }),
      );
    }
    return new TableRow({ children: cells, tableHeader: r < 2 });
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

const centered = (text: string, bold = false) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });

/**
 * The plan as signed: the national-heading block laid out in a borderless two-column table (so the
 * appendix is never the first table), the body, then each appendix on a page of its own.
 */
export async function planDocx(appendices: AppendixTable[] = [APPENDIX_I], opts: { numbered?: boolean } = {}): Promise<Uint8Array> {
  const heading = new Table({
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: [centered('ỦY BAN NHÂN DÂN'), centered('TỈNH SƠN LA', true), centered('Số: 86/KH-UBND')] }),
          new TableCell({ children: [centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true), centered('Độc lập - Tự do - Hạnh phúc', true), centered('Sơn La, ngày 20 tháng 4 năm 2023')] }),
        ],
      }),
    ],
  });
  const children: (Paragraph | Table)[] = [
    heading,
    centered('KẾ HOẠCH', true),
    centered('Chuyển đổi số tỉnh Sơn La giai đoạn 2023–2025', true),
    new Paragraph('I. MỤC ĐÍCH, YÊU CẦU'),
    new Paragraph('Đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan nhà nước; phát triển kinh tế số, xã hội số.'),
    new Paragraph('II. NHIỆM VỤ, GIẢI PHÁP'),
    new Paragraph('Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.'),
  ];
  for (const a of appendices) {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    for (const line of a.title) children.push(centered(line, !line.startsWith('(')));
    children.push(wordTable(a, opts));
    children.push(new Paragraph(''));
  }
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'TM. ỦY BAN NHÂN DÂN', bold: true })] }));
  const doc = new Document({ creator: 'UBND tỉnh Sơn La', title: 'Kế hoạch 86/KH-UBND', numbering: NUMBERING, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The same appendices typed into Excel, each on a sheet, its title block in merged rows above the table. */
export async function planXlsx(appendices: { name: string; table: AppendixTable }[] = [{ name: 'Phụ lục I', table: APPENDIX_I }]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const { name, table } of appendices) {
    const ws = wb.addWorksheet(name);
    const width = Math.max(...table.rows.map((r) => r.length));
    for (const [i, line] of table.title.entries()) {
      ws.addRow([line]);
      ws.mergeCells(i + 1, 1, i + 1, width);
    }
    for (const row of table.rows) {
      const added = ws.addRow(row.map((v) => v ?? null));
      added.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('\n')) cell.alignment = { wrapText: true };
      });
    }
    const offset = table.title.length;
    for (const m of parseMerges(table.merges)) ws.mergeCells(m.top + offset + 1, m.left + 1, m.bottom + offset + 1, m.right + 1);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
