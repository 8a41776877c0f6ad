import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../../domain/agencies';
import { previewImport, type ImportPreview, type ParsedTask } from '../../domain/import';
import { agencySeed } from '../../db/seed/agencies';
import { planFixture, TAY_NINH } from '../helpers/plan-fixtures';

/**
 * The same appendix as an Excel workbook, the way a provincial office lays it out: title rows,
 * a header over two rows with merged cells, section rows, cells merged down over several tasks,
 * numbers stored as numbers, and a total row. It must give the same tasks as the CSV.
 */

const tayNinh = new AgencyDirectory(agencySeed('tay-ninh'));
const sonLa = new AgencyDirectory(agencySeed('son-la'));
const tayNinhPlan = { periodStart: '2019-01-01', periodEnd: '2020-12-31' };
const sonLaPlan = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const withoutRow = (tasks: ParsedTask[]) => tasks.map(({ row: _row, ...t }) => t);

/** Numbers as Excel would hold them when typed: "3" and "2020" become numbers. */
const typed = (v: string): string | number => (/^\d+$/.test(v) ? Number(v) : v);

async function tayNinhWorkbook(): Promise<{ bytes: Uint8Array; taskRows: number[] }> {
  const records = parse(planFixture(TAY_NINH), { relax_column_count: true }) as string[][];
  const data = records.slice(1);
  const wb = new ExcelJS.Workbook();
  // A first sheet without a table: the importer takes the first sheet that has a header.
  wb.addWorksheet('Hướng dẫn').addRow(['Bảng dưới đây là phụ lục kèm theo kế hoạch.']);
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN TRIỂN KHAI THỰC HIỆN']);
  ws.mergeCells('A1:G1');
  ws.addRow(['(Ban hành kèm theo Kế hoạch số 794/KH-UBND ngày 23 tháng 4 năm 2019 của UBND tỉnh Tây Ninh)']);
  ws.mergeCells('A2:G2');
  ws.addRow([]);
  ws.addRow(['STT', 'Tên nhiệm vụ, đề án', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện, hoàn thành', null, 'Ghi chú']);
  ws.addRow([null, null, null, null, '2019-2020', '2021-2025', null]);
  for (const col of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${col}4:${col}5`);
  ws.mergeCells('E4:F4');

  const taskRows: number[] = [];
  let r = 6;
  // Runs of equal "Cơ quan phối hợp" cells within a section are merged down, as offices do.
  let run: { start: number; value: string } | undefined;
  const closeRun = (end: number) => {
    if (run && end > run.start) ws.mergeCells(`D${run.start}:D${end}`);
    run = undefined;
  };
  for (const rec of data) {
    const [stt, title, lead, coord, t1, t2, note] = rec.map((v) => v ?? '');
    if (/^[IVX]+$/.test(stt!)) {
      closeRun(r - 1);
      ws.addRow([stt, title]);
      ws.mergeCells(`B${r}:G${r}`);
    } else {
      const row = ws.addRow([typed(stt!), title, lead, coord, t1 ? typed(t1) : null, t2 || null, note || null]);
      if (run && run.value === coord) row.getCell(4).value = null;
      else {
        closeRun(r - 1);
        run = { start: r, value: coord! };
      }
      taskRows.push(r);
    }
    r++;
  }
  closeRun(r - 1);
  ws.addRow([null, 'Tổng cộng', null, null, null, null, { formula: 'COUNTA(B6:B35)', result: 29 }]);
  return { bytes: await toBytes(wb), taskRows };
}

describe('the Tây Ninh appendix as XLSX', () => {
  let csv: ImportPreview;
  let xlsx: ImportPreview;
  let taskRows: number[];
  beforeAll(async () => {
    csv = await previewImport({ data: planFixture(TAY_NINH) }, { directory: tayNinh, plan: tayNinhPlan });
    const book = await tayNinhWorkbook();
    taskRows = book.taskRows;
    xlsx = await previewImport({ data: book.bytes, fileName: 'phu-luc.xlsx' }, { directory: tayNinh, plan: tayNinhPlan });
  });

  it('finds the header below the title rows on the second sheet, over two rows', () => {
    expect(xlsx.format).toBe('xlsx');
    expect(xlsx.sheetName).toBe('Phụ lục');
    expect(xlsx.headerRow).toBe(4);
    expect(xlsx.columns.map((c) => c.header)).toEqual(csv.columns.map((c) => c.header));
    expect(xlsx.columns.map((c) => c.field)).toEqual(csv.columns.map((c) => c.field));
    expect(xlsx.rows.slice(0, 5).map((r) => r.type)).toEqual(['title', 'title', 'blank', 'header', 'header']);
    expect(xlsx.problems).toEqual([]);
  });

  it('gives the same tasks as the CSV, on the rows the spreadsheet shows', () => {
    expect(xlsx.tasks).toHaveLength(24);
    expect(withoutRow(xlsx.tasks)).toEqual(withoutRow(csv.tasks));
    expect(xlsx.tasks.map((t) => t.row)).toEqual(taskRows);
    expect(xlsx.summary).toEqual({ ...csv.summary, rows: xlsx.summary.rows });
  });

  it('reads merged section headings and skips the total row, formula and all', () => {
    expect(xlsx.rows.filter((r) => r.type === 'section').map((r) => r.cells.A)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    const total = xlsx.rows[xlsx.rows.length - 1]!;
    expect(total).toMatchObject({ type: 'total', problems: [] });
    expect(xlsx.ok).toBe(true);
  });
});

describe('XLSX details', () => {
  const SON_LA_HEADER = ['TT', 'Tên nhiệm vụ, dự án', 'Đơn vị chủ trì triển khai', 'Dự án chuyển tiếp hay dự án mới', 'Thời gian triển khai', 'Nguồn vốn'];

  it('reads amounts under a parent header written once, as VN text or as numbers, in triệu đồng', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('KH 212');
    ws.addRow([...SON_LA_HEADER, 'Kinh phí (triệu đồng)', null]);
    ws.addRow([null, null, null, null, null, null, 'Sự nghiệp', 'Đầu tư phát triển']);
    ws.addRow(['A', 'Nhóm nhiệm vụ hạ tầng']);
    ws.addRow([1, 'Nâng cấp Trung tâm tích hợp dữ liệu của tỉnh', 'Sở TTTT', 'Dự án mới', '2022 - 2025', 'Ngân sách tỉnh', '1.200', 7184.4]);
    ws.addRow([2, 'Duy trì Mạng truyền số liệu chuyên dùng', 'Sở TT&TT', 'Dự án chuyển tiếp', 'Quý II/2022', 'Ngân sách trung ương, xã hội hóa', '350,5', null]);
    ws.addRow([null, 'Cộng A', null, null, null, null, 1550.5, 7184.4]);
    const p = await previewImport({ data: await toBytes(wb) }, { directory: sonLa, plan: sonLaPlan });
    expect(p.columns.slice(6).map((c) => [c.header, c.field])).toEqual([
      ['Kinh phí (triệu đồng) Sự nghiệp', 'amountRecurrent'],
      ['Kinh phí (triệu đồng) Đầu tư phát triển', 'amountInvestment'],
    ]);
    expect(p.problems).toEqual([]);
    expect(p.tasks).toHaveLength(2);
    expect(p.tasks[0]).toMatchObject({
      row: 4,
      sectionCode: 'A',
      section: 'Nhóm nhiệm vụ hạ tầng',
      kind: 'new',
      startDate: '2022-01-01',
      dueDate: '2025-12-31',
      funding: { text: 'Ngân sách tỉnh', sources: ['province'], amounts: { recurrent: 1200, investment: 7184.4, total: 8384.4 } },
    });
    expect(p.tasks[1]).toMatchObject({
      kind: 'carried_over',
      startDate: '2022-04-01',
      dueDate: '2022-06-30',
      funding: { sources: ['socialized', 'central'], amounts: { recurrent: 350.5, total: 350.5 } },
    });
    expect(p.rows.map((r) => r.type)).toEqual(['header', 'header', 'section', 'task', 'task', 'total']);
  });

  it('fills merged text down to every task, but counts a merged amount once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Nguồn vốn', 'Kinh phí (triệu đồng)']);
    ws.addRow([1, 'Số hóa hồ sơ địa chính', 'Sở TN&MT', 'Ngân sách tỉnh', 900]);
    ws.addRow([2, 'Số hóa hồ sơ hộ tịch', 'Sở Tư pháp', null, null]);
    ws.addRow([3, 'Số hóa hồ sơ công chức', 'Sở Nội vụ', null, null]);
    ws.mergeCells('D2:D4');
    ws.mergeCells('E2:E4');
    const p = await previewImport({ data: await toBytes(wb) }, { directory: sonLa, plan: sonLaPlan });
    expect(p.tasks.map((t) => t.funding)).toEqual([
      { text: 'Ngân sách tỉnh', sources: ['province'], amounts: { total: 900 } },
      { text: 'Ngân sách tỉnh', sources: ['province'] },
      { text: 'Ngân sách tỉnh', sources: ['province'] },
    ]);
    expect(p.problems).toEqual([
      { row: 2, column: 'E — Kinh phí (triệu đồng)', field: 'funding', severity: 'warning', message: expect.stringContaining('dòng 2–4') },
    ]);
    expect(p.ok).toBe(true);
  });

  it('converts amounts given in tỷ đồng, and reads Excel dates in a timeframe column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn hoàn thành', 'Tổng kinh phí (tỷ đồng)']);
    ws.addRow([1, 'Số hóa hồ sơ lưu trữ', 'Sở Nội vụ', new Date(Date.UTC(2022, 5, 30)), '1,5']);
    const p = await previewImport({ data: await toBytes(wb) }, { directory: sonLa, plan: sonLaPlan });
    expect(p.problems).toEqual([]);
    expect(p.tasks[0]).toMatchObject({ title: 'Số hóa hồ sơ lưu trữ', timeframeText: '30/06/2022', startDate: '2022-06-30', dueDate: '2022-06-30', funding: { sources: [], amounts: { total: 1500 } } });
  });

  it('flags formulas in task cells, naming row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(SON_LA_HEADER);
    ws.addRow([1, 'Kiện toàn Đội ứng cứu sự cố', 'Sở TTTT', 'Nhiệm vụ mới', { formula: 'TEXT(2021,"0")', result: '2021' }, 'Ngân sách tỉnh']);
    ws.addRow([2, { formula: 'B2&" (bổ sung)"', result: 'Kiện toàn Đội ứng cứu sự cố (bổ sung)' }, 'Sở TTTT', 'Nhiệm vụ mới', '2022', 'Ngân sách tỉnh']);
    const p = await previewImport({ data: await toBytes(wb) }, { directory: sonLa, plan: sonLaPlan });
    expect(p.ok).toBe(false);
    const errors = p.problems.filter((x) => x.severity === 'error');
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'E — Thời gian triển khai'],
      [3, 'B — Tên nhiệm vụ, dự án'],
    ]);
    expect(errors[0]!.message).toContain('E2');
    expect(errors[0]!.message).toContain('công thức');
  });

  it('explains a workbook without any table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Báo cáo', 'không', 'có bảng']);
    const p = await previewImport({ data: await toBytes(wb), fileName: 'x.xlsx' }, { directory: sonLa, plan: sonLaPlan });
    expect(p.ok).toBe(false);
    expect(p.problems[0]!.message).toMatch(/Thiếu cột bắt buộc/);
    expect(p.problems[0]!.message).toContain('"Báo cáo"');
  });
});
