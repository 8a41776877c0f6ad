import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  classifyTask,
  compileAnnualReport,
  onTimeRate,
  renderAnnualReportHtml,
  TASK_CLASSES,
  type AnnualReport,
  type ReportInput,
  type ReportTaskInput,
  type TaskClass,
} from '../../domain/report';
import { renderAnnualReportXlsx } from '../../api/services/report-xlsx';
import { neutraliseFormula } from '../../api/services/xlsx-table';

/**
 * A hand-built plan for 2024, figures as of 20/12/2024, period ending 31/12/2025. Every task carries
 * the class a clerk would give it (`expect`), reasoned out by hand; the expected figures below are
 * counted from those annotations, not from the code under test.
 */
type Fixture = ReportTaskInput & { expect: TaskClass | 'cancelled' | 'out_of_scope' | 'group' };

const base = {
  parentId: null,
  isGroup: false,
  number: null,
  sectionCode: 'I',
  section: 'Phát triển hạ tầng số',
  kind: 'new' as const,
  progress: 0,
  startDate: '2021-01-01',
  acknowledgedAt: null,
  completedAt: null,
  submittedAt: null,
  funding: null,
  note: null,
};

const task = (t: Partial<Fixture> & Pick<Fixture, 'id' | 'position' | 'title' | 'leadAgencyCode' | 'status' | 'dueDate' | 'expect'>): Fixture => ({
  ...base,
  originalDueDate: t.dueDate,
  // As projected: a task other than recurring is judged by its due date.
  currentDueDate: t.dueDate,
  number: String(t.position),
  ...t,
});

const SECTION_II = { sectionCode: 'II', section: 'Phát triển chính quyền số' };

const FIXTURES: Fixture[] = [
  // Completed at 00:30 on 01/07 Vietnam time, which is still 30/06 in UTC: late.
  task({ id: 't01', position: 1, title: 'Nâng cấp mạng WAN tỉnh', leadAgencyCode: 'STTTT', status: 'completed', dueDate: '2024-06-30', acknowledgedAt: '2024-01-05T02:00:00Z', progress: 100, completedAt: '2024-06-30T17:30:00Z', expect: 'completed_late', funding: { sources: ['province'], amounts: { recurrent: 0.1 } } }),
  // Completed at 03:00 on 30/06 Vietnam time (29/06 in UTC): on time.
  task({ id: 't02', position: 2, title: 'Trung tâm dữ liệu tỉnh', leadAgencyCode: 'STTTT', status: 'completed', dueDate: '2024-06-30', acknowledgedAt: '2024-01-05T02:00:00Z', progress: 100, completedAt: '2024-06-29T20:00:00Z', expect: 'completed_on_time', funding: { sources: ['province'], amounts: { recurrent: 0.2, total: 0.2 } } }),
  task({ id: 't03', position: 3, title: 'Phần mềm quản lý ngân sách', leadAgencyCode: 'STC', status: 'in_progress', dueDate: '2025-06-30', acknowledgedAt: '2024-02-01T02:00:00Z', progress: 40, expect: 'in_progress_on_time', note: 'Đang khảo sát' }),
  // Never acknowledged, but past due: overdue, not "not started".
  task({ id: 't04', position: 4, title: 'Số hóa hồ sơ thuế', leadAgencyCode: 'STC', status: 'assigned', dueDate: '2024-10-31', expect: 'in_progress_overdue' }),
  // Due 30/09/2024, extended to 31/03/2025: judged against the new date.
  task({ id: 't05', position: 5, title: 'Hệ thống quản lý văn bản', leadAgencyCode: 'SNV', status: 'in_progress', dueDate: '2025-03-31', originalDueDate: '2024-09-30', acknowledgedAt: '2024-03-01T02:00:00Z', progress: 60, expect: 'in_progress_on_time', ...SECTION_II }),
  task({ id: 't06', position: 6, title: 'Cơ sở dữ liệu cán bộ', leadAgencyCode: 'SNV', status: 'assigned', dueDate: '2025-12-31', expect: 'not_started', ...SECTION_II }),
  // Recurring over the period, every year reported up to 2024: it owes 2025's report, due 20/12/2025.
  task({ id: 't07', position: 7, title: 'Bảo đảm an toàn thông tin', leadAgencyCode: 'SKHCN', kind: 'recurring', status: 'in_progress', dueDate: '2025-12-31', currentDueDate: '2025-12-20', acknowledgedAt: '2021-02-01T02:00:00Z', progress: 30, expect: 'in_progress_on_time', ...SECTION_II }),
  // A group task: the parent is a heading, each district is a task; the amount is the parent's, once.
  task({ id: 'g08', position: 8, title: 'Triển khai một cửa điện tử cấp huyện', leadAgencyCode: 'HUYEN', isGroup: true, status: 'in_progress', dueDate: '2024-12-31', expect: 'group', funding: { sources: ['district'], amounts: { recurrent: 300, investment: 600 } }, ...SECTION_II }),
  task({ id: 'g08-h1', parentId: 'g08', position: 8, title: 'Triển khai một cửa điện tử cấp huyện', leadAgencyCode: 'H1', status: 'completed', dueDate: '2024-12-31', acknowledgedAt: '2024-01-10T02:00:00Z', progress: 100, completedAt: '2024-11-01T03:00:00Z', expect: 'completed_on_time', funding: { sources: ['district'], amounts: { recurrent: 300, investment: 600 } }, ...SECTION_II }),
  // Not acknowledged, but progress reported: started.
  task({ id: 'g08-h2', parentId: 'g08', position: 8, title: 'Triển khai một cửa điện tử cấp huyện', leadAgencyCode: 'H2', status: 'assigned', dueDate: '2024-12-31', progress: 20, expect: 'in_progress_on_time', funding: { sources: ['district'], amounts: { recurrent: 300, investment: 600 } }, ...SECTION_II }),
  task({ id: 'g08-h3', parentId: 'g08', position: 8, title: 'Triển khai một cửa điện tử cấp huyện', leadAgencyCode: 'H3', status: 'cancelled', dueDate: '2024-12-31', expect: 'cancelled', funding: { sources: ['district'], amounts: { recurrent: 300, investment: 600 } }, ...SECTION_II }),
  task({ id: 't09', position: 9, title: 'Đề án thuê dịch vụ CNTT', leadAgencyCode: 'STC', status: 'cancelled', dueDate: '2024-12-31', expect: 'cancelled', note: 'Hủy theo Quyết định 99/QĐ-UBND' }),
  // Completion submitted on 15/11, before the 30/11 due date: awaits acceptance, not overdue.
  task({ id: 't10', position: 10, title: 'Cổng dịch vụ công tỉnh', leadAgencyCode: 'STTTT', status: 'completion_submitted', dueDate: '2024-11-30', acknowledgedAt: '2024-01-05T02:00:00Z', progress: 100, submittedAt: '2024-11-15T03:00:00Z', expect: 'in_progress_on_time', funding: { sources: ['province', 'socialized'], amounts: { investment: 1200.5 } } }),
  // Completion submitted on 05/12, after the 30/11 due date: overdue.
  task({ id: 't11', position: 11, title: 'Hệ thống thông tin báo cáo', leadAgencyCode: 'STTTT', status: 'completion_submitted', dueDate: '2024-11-30', acknowledgedAt: '2024-01-05T02:00:00Z', progress: 100, submittedAt: '2024-12-05T03:00:00Z', expect: 'in_progress_overdue' }),
  // Starts in 2025: not in the 2024 report.
  task({ id: 't12', position: 12, title: 'Chuyển đổi IPv6', leadAgencyCode: 'SNV', status: 'assigned', startDate: '2025-01-01', dueDate: '2025-12-31', expect: 'out_of_scope' }),
  // Hostile text from an imported file.
  task({ id: 't13', position: 13, title: '<script>alert("x")</script> Ứng dụng "Công dân số" & tiện ích', leadAgencyCode: 'SNV', status: 'in_progress', dueDate: '2024-08-31', acknowledgedAt: '2024-02-01T02:00:00Z', progress: 70, expect: 'in_progress_overdue', note: '=HYPERLINK("http://evil.example","bấm vào đây")', ...SECTION_II }),
  task({ id: 't14', position: 14, title: '+Đào tạo kỹ năng số', leadAgencyCode: 'SKHCN', status: 'completed', dueDate: '2024-05-31', acknowledgedAt: '2024-01-05T02:00:00Z', progress: 100, completedAt: '2024-05-20T03:00:00Z', expect: 'completed_on_time', ...SECTION_II }),
  // Recurring, its 2023 report never came: overdue since 21/12/2023, whatever its period's end.
  task({ id: 't15', position: 15, title: 'Duy trì Cổng thông tin điện tử', leadAgencyCode: 'SKHCN', kind: 'recurring', status: 'in_progress', dueDate: '2025-12-31', currentDueDate: '2023-12-20', acknowledgedAt: '2021-02-01T02:00:00Z', progress: 50, expect: 'in_progress_overdue', ...SECTION_II }),
  // A recurring row of one year (2021), reported that year: it owes nothing and is not overdue, though 31/12/2021 is long past.
  task({ id: 't16', position: 16, title: 'Tuyên truyền chuyển đổi số', leadAgencyCode: 'SNV', kind: 'recurring', status: 'in_progress', dueDate: '2021-12-31', currentDueDate: null, acknowledgedAt: '2021-02-01T02:00:00Z', progress: 100, expect: 'in_progress_on_time', ...SECTION_II }),
];

const AGENCIES = [
  { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', shortName: 'VP UBND tỉnh' },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TTTT' },
  { code: 'STC', name: 'Sở Tài chính', shortName: 'Sở TC' },
  { code: 'SNV', name: 'Sở Nội vụ', shortName: 'Sở NV' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN' },
  { code: 'H1', name: 'UBND huyện Mộc Châu', shortName: 'UBND huyện Mộc Châu' },
  { code: 'H2', name: 'UBND huyện Mai Sơn', shortName: 'UBND huyện Mai Sơn' },
  { code: 'H3', name: 'UBND thành phố Sơn La', shortName: 'UBND TP Sơn La' },
  { code: 'HUYEN', name: 'UBND các huyện, thành phố', shortName: 'UBND các huyện, TP' },
];

const INPUT: ReportInput = {
  plan: {
    id: 'p-212',
    code: 'KH-212',
    title: 'Kế hoạch ứng dụng CNTT, phát triển chính quyền số giai đoạn 2021-2025',
    documentNumber: '212/KH-UBND',
    issuer: 'UBND tỉnh Sơn La',
    issuedOn: '2020-11-03',
    periodStart: '2021-01-01',
    periodEnd: '2025-12-31',
  },
  year: 2024,
  asOf: '2024-12-20',
  dueDate: '2024-12-20',
  compiledAt: '2024-12-21T03:00:00.000Z',
  version: 2,
  coordinator: { code: 'VPUBND', name: 'Văn phòng UBND tỉnh' },
  agencies: AGENCIES,
  tasks: FIXTURES.map(({ expect: _e, ...t }) => t),
  requestedAgencyCodes: ['STTTT', 'STC', 'SNV', 'SKHCN', 'H1', 'H2'],
  submissions: [
    { agencyCode: 'STTTT', submittedAt: '2024-12-18T02:00:00Z', onTime: true, summary: 'Hoàn thành cơ bản các nhiệm vụ năm 2024.', items: [{ taskId: 't10', percent: 100, note: 'Đã trình nghiệm thu' }, { taskId: 't01', percent: 80 }] },
    // Superseded by the later, late report below.
    { agencyCode: 'STC', submittedAt: '2024-12-19T02:00:00Z', onTime: true, summary: 'Bản cũ', items: [{ taskId: 't03', percent: 45, note: 'Bản cũ' }] },
    { agencyCode: 'STC', submittedAt: '2024-12-22T02:00:00Z', onTime: false, summary: '-Báo cáo bổ sung', items: [{ taskId: 't03', percent: 55, note: 'Đã xong khảo sát, đang lập dự án' }, { taskId: 't13', percent: 99, note: 'Không phải nhiệm vụ của Sở Tài chính' }] },
    { agencyCode: 'H1', submittedAt: '2024-12-10T02:00:00Z', onTime: true, summary: 'Đã hoàn thành.', items: [] },
  ],
};

const counted = FIXTURES.filter((f): f is Fixture & { expect: TaskClass } => (TASK_CLASSES as readonly string[]).includes(f.expect));
const countClass = (rows: { expect: string }[], cls: TaskClass) => rows.filter((r) => r.expect === cls).length;

/** The figures of a set of annotated tasks, counted by hand. */
function expectedFigures(rows: (Fixture & { expect: TaskClass })[]) {
  const completedOnTime = countClass(rows, 'completed_on_time');
  const completedLate = countClass(rows, 'completed_late');
  const overdue = countClass(rows, 'in_progress_overdue');
  const completed = completedOnTime + completedLate;
  return {
    total: rows.length,
    completed,
    completedOnTime,
    completedLate,
    inProgressOnTime: countClass(rows, 'in_progress_on_time'),
    overdue,
    notStarted: countClass(rows, 'not_started'),
    open: rows.length - completed,
    onTimeRate: completed + overdue === 0 ? null : completedOnTime / (completed + overdue),
  };
}

describe('classification', () => {
  it.each(FIXTURES.filter((f) => f.expect !== 'out_of_scope' && f.expect !== 'group'))('$id is $expect', (f) => {
    expect(classifyTask(f, INPUT.asOf)).toBe(f.expect === 'cancelled' ? null : f.expect);
  });

  it('a task is overdue from the day after its deadline, not on it', () => {
    const t = { status: 'in_progress' as const, progress: 10, dueDate: '2024-12-20', currentDueDate: '2024-12-20', acknowledgedAt: '2024-01-01T00:00:00Z', completedAt: null };
    expect(classifyTask(t, '2024-12-20')).toBe('in_progress_on_time');
    expect(classifyTask(t, '2024-12-21')).toBe('in_progress_overdue');
  });

  it('a recurring task is judged by the report date of the year it owes, not by the end of its period', () => {
    // 2021–2025, owing its 2024 report (due 20/12/2024).
    const t = { status: 'assigned' as const, progress: 0, dueDate: '2025-12-31', currentDueDate: '2024-12-20', acknowledgedAt: null, completedAt: null };
    expect(classifyTask(t, '2024-12-20')).toBe('not_started');
    expect(classifyTask(t, '2024-12-21')).toBe('in_progress_overdue');
    // Every year reported: nothing owed, not overdue even after the period.
    expect(classifyTask({ ...t, currentDueDate: null }, '2026-06-01')).toBe('not_started');
    // Completed while owing nothing past due: on time; while a year's report was missing: late.
    const done = { ...t, status: 'completed' as const, progress: 100, completedAt: '2025-03-01T02:00:00Z' };
    expect(classifyTask({ ...done, currentDueDate: '2025-12-20' }, '2025-12-31')).toBe('completed_on_time');
    expect(classifyTask({ ...done, currentDueDate: null }, '2025-12-31')).toBe('completed_on_time');
    expect(classifyTask(done, '2025-12-31')).toBe('completed_late');
  });

  it('the on-time rate is null when nothing is completed or overdue', () => {
    expect(onTimeRate(0, 0, 0)).toBeNull();
    expect(onTimeRate(3, 4, 2)).toBe(0.5);
  });
});

describe('compiled annual report', () => {
  const report = compileAnnualReport(INPUT);

  it('headline figures match the hand count', () => {
    const exp = expectedFigures(counted);
    expect(report.headline).toMatchObject(exp);
    // Sanity of the fixture itself: every class is represented.
    for (const cls of TASK_CLASSES) expect(countClass(counted, cls)).toBeGreaterThan(0);
    expect(report.headline.cancelled).toBe(FIXTURES.filter((f) => f.expect === 'cancelled').length);
    expect(report.classes.map((c) => [c.class, c.count])).toEqual(TASK_CLASSES.map((cls) => [cls, countClass(counted, cls)]));
  });

  it('reporting figures: requested, reported, on time, missing', () => {
    const reportedCodes = [...new Set(INPUT.submissions.map((s) => s.agencyCode))];
    const missing = INPUT.requestedAgencyCodes.filter((c) => !reportedCodes.includes(c));
    expect(report.headline).toMatchObject({
      agenciesRequested: INPUT.requestedAgencyCodes.length,
      agenciesReported: reportedCodes.length,
      // STC's latest report is late; STTTT and H1 are on time.
      agenciesReportedOnTime: 2,
      agenciesMissing: missing.length,
    });
    expect([...report.headline.missingAgencyCodes].sort()).toEqual([...missing].sort());
  });

  it('per agency figures match the hand count, with each agency’s latest report', () => {
    const leads = [...new Set(counted.map((f) => f.leadAgencyCode))];
    for (const code of leads) {
      const row = report.agencies.find((a) => a.agencyCode === code)!;
      expect(row, code).toMatchObject(expectedFigures(counted.filter((f) => f.leadAgencyCode === code)));
      expect(row.agencyName).toBe(AGENCIES.find((a) => a.code === code)!.name);
    }
    const stc = report.agencies.find((a) => a.agencyCode === 'STC')!;
    expect(stc).toMatchObject({ requested: true, reportSubmitted: true, reportOnTime: false, submittedAt: '2024-12-22T02:00:00Z', summary: '-Báo cáo bổ sung' });
    expect(report.agencies.find((a) => a.agencyCode === 'SNV')).toMatchObject({ requested: true, reportSubmitted: false, reportOnTime: null, summary: null });
    // H2 was asked and leads a counted task; H3's only task was cancelled, so it is not listed.
    expect(report.agencies.find((a) => a.agencyCode === 'H2')).toMatchObject({ total: 1, reportSubmitted: false });
    expect(report.agencies.some((a) => a.agencyCode === 'H3' || a.agencyCode === 'HUYEN')).toBe(false);
  });

  it('lists counted tasks in plan order, leaving out group parents, cancelled and later tasks', () => {
    const ids = report.tasks.map((t) => t.id);
    expect([...ids].sort()).toEqual(counted.map((f) => f.id).sort());
    // Section I (positions 1–4, 10, 11) comes first, then section II; within it, position order, and
    // the districts of one group task by name (Mai Sơn before Mộc Châu).
    expect(ids).toEqual(['t01', 't02', 't03', 't04', 't10', 't11', 't05', 't06', 't07', 'g08-h2', 'g08-h1', 't13', 't14', 't15', 't16']);
    expect(report.sections.map((s) => [s.code, s.total])).toEqual([
      ['I', counted.filter((f) => f.sectionCode === 'I').length],
      ['II', counted.filter((f) => f.sectionCode === 'II').length],
    ]);
    expect(report.cancelled.map((c) => c.id)).toEqual(['t09', 'g08-h3']);
  });

  it('progress and note come from the lead agency’s report when it gave them', () => {
    const row = (id: string) => report.tasks.find((t) => t.id === id)!;
    expect(row('t03')).toMatchObject({ progress: 55, progressSource: 'report', note: 'Đã xong khảo sát, đang lập dự án', noteSource: 'report' });
    expect(row('t10')).toMatchObject({ progress: 100, note: 'Đã trình nghiệm thu', noteSource: 'report' });
    // Another agency's report does not speak for SNV's task.
    expect(row('t13')).toMatchObject({ progress: 70, progressSource: 'task' });
    // A completed task is 100 % whatever the report said.
    expect(row('t01')).toMatchObject({ progress: 100, completedOn: '2024-07-01' });
    expect(row('t05')).toMatchObject({ dueDate: '2025-03-31', originalDueDate: '2024-09-30', dueDateMoved: true });
    // A recurring task's row shows the deadline it is judged by: the report date of the year it owes.
    expect(row('t07')).toMatchObject({ dueDate: '2025-12-20', kind: 'recurring', class: 'in_progress_on_time' });
    expect(row('t15')).toMatchObject({ dueDate: '2023-12-20', kind: 'recurring', class: 'in_progress_overdue' });
    expect(row('t16')).toMatchObject({ dueDate: '2021-12-31', kind: 'recurring', class: 'in_progress_on_time' });
    expect(row('t04')).toMatchObject({ progress: 0, note: null, noteSource: null });
  });

  it('funding: one row per source combination, group amounts taken once', () => {
    const byLabel = Object.fromEntries(report.funding.rows.map((r) => [r.sources.join('+') || '-', r]));
    expect(Object.keys(byLabel)).toEqual(['province', 'province+socialized', 'district', '-']);
    expect(byLabel.province).toMatchObject({ taskCount: 2, itemsWithAmounts: 2, recurrent: 0.3, investment: null, total: 0.3 });
    expect(byLabel['province+socialized']).toMatchObject({ taskCount: 1, recurrent: null, investment: 1200.5, total: 1200.5 });
    // Two counted children (the third is cancelled); the parent's 300 + 600 once, not per child.
    expect(byLabel.district).toMatchObject({ taskCount: 2, itemsWithAmounts: 1, recurrent: 300, investment: 600, total: 900 });
    expect(byLabel['-']).toMatchObject({ taskCount: counted.filter((f) => !f.funding).length, itemsWithAmounts: 0, total: null });
    expect(report.funding.total).toMatchObject({ taskCount: counted.length, recurrent: 300.3, investment: 1800.5, total: 2100.8 });
  });

  it('is deterministic: the same input in another order compiles to the same JSON', () => {
    const shuffled: ReportInput = {
      ...INPUT,
      tasks: [...INPUT.tasks].reverse(),
      agencies: [...INPUT.agencies].reverse(),
      submissions: [...INPUT.submissions].reverse(),
      requestedAgencyCodes: [...INPUT.requestedAgencyCodes].reverse(),
    };
    expect(JSON.stringify(compileAnnualReport(shuffled))).toBe(JSON.stringify(report));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('a plan with nothing to report still compiles and renders', async () => {
    const empty = compileAnnualReport({ ...INPUT, tasks: [], submissions: [], requestedAgencyCodes: [] });
    expect(empty.headline).toMatchObject({ total: 0, onTimeRate: null, agenciesRequested: 0, agenciesMissing: 0 });
    expect(empty.funding.rows).toEqual([]);
    expect(empty.funding.total).toMatchObject({ taskCount: 0, recurrent: null, investment: null, total: null });
    expect(renderAnnualReportHtml(empty, 'vi')).toContain('Tổng số nhiệm vụ: 0');
    const wb = await readBack(empty, 'vi');
    expect(wb.getWorksheet('Nhiệm vụ')!.rowCount).toBe(1);
  });

  it('later years take in tasks that start later', () => {
    const next = compileAnnualReport({ ...INPUT, year: 2025, asOf: '2025-12-20' });
    expect(next.tasks.some((t) => t.id === 't12')).toBe(true);
  });
});

async function readBack(report: AnnualReport, language: 'vi' | 'en') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderAnnualReportXlsx(report, language)) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The header row of a sheet as text, and a function from header to that column's cell in a row. */
function table(ws: ExcelJS.Worksheet) {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (header: string) => {
    const i = headers.indexOf(header);
    if (i < 0) throw new Error(`no column ${header} in ${ws.name}: ${headers.join(' | ')}`);
    return i + 1;
  };
  return { headers, cell: (row: number, header: string) => ws.getRow(row).getCell(col(header)) };
}

describe('XLSX rendering', () => {
  const report = compileAnnualReport(INPUT);

  it('one sheet per view, each with a frozen header row and an autofilter', async () => {
    const wb = await readBack(report, 'vi');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Nhiệm vụ', 'Đơn vị', 'Nguồn vốn', 'Nhiệm vụ đã hủy']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width, `${ws.name} column ${c}`).toBeGreaterThanOrEqual(6);
    }
  });

  it('numbers are numbers, rates are fractions with a % format, dates are dates', async () => {
    const wb = await readBack(report, 'vi');
    const agencies = wb.getWorksheet('Đơn vị')!;
    const a = table(agencies);
    const stcRow = report.agencies.findIndex((x) => x.agencyCode === 'STC') + 2;
    expect(a.cell(stcRow, 'Mã đơn vị').value).toBe('STC');
    expect(a.cell(stcRow, 'Tổng số').value).toBe(expectedFigures(counted.filter((f) => f.leadAgencyCode === 'STC')).total);
    const rate = a.cell(stcRow, 'Tỷ lệ hoàn thành đúng hạn');
    expect(typeof rate.value).toBe('number');
    expect(rate.value).toBeCloseTo(report.agencies.find((x) => x.agencyCode === 'STC')!.onTimeRate!, 10);
    expect(rate.numFmt).toContain('%');
    const submitted = a.cell(stcRow, 'Ngày gửi báo cáo');
    expect(submitted.value).toBeInstanceOf(Date);
    expect((submitted.value as Date).toISOString().slice(0, 10)).toBe('2024-12-22');
    expect(submitted.numFmt).toBe('dd/mm/yyyy');

    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    const t = table(tasks);
    expect(t.headers).toEqual(expect.arrayContaining(['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Tiến độ (%)', 'Hạn hoàn thành', 'Kết quả', 'Ghi chú']));
    expect(tasks.rowCount).toBe(report.tasks.length + 1);
    const t03 = report.tasks.findIndex((x) => x.id === 't03') + 2;
    expect(t.cell(t03, 'Tiến độ (%)').value).toBe(0.55);
    expect(t.cell(t03, 'Tiến độ (%)').numFmt).toContain('%');
    expect((t.cell(t03, 'Hạn hoàn thành').value as Date).toISOString().slice(0, 10)).toBe('2025-06-30');
    expect(t.cell(t03, 'Kết quả').value).toBe('Đang thực hiện trong hạn');

    const summary = table(wb.getWorksheet('Tổng hợp')!);
    const sws = wb.getWorksheet('Tổng hợp')!;
    const rowOf = (label: string) => (sws.getColumn(1).values as unknown[]).indexOf(label);
    expect(summary.cell(rowOf('Tổng số nhiệm vụ'), 'Giá trị').value).toBe(counted.length);
    expect(summary.cell(rowOf('Tỷ lệ hoàn thành đúng hạn'), 'Giá trị').value).toBeCloseTo(expectedFigures(counted).onTimeRate!, 10);

    const funding = wb.getWorksheet('Nguồn vốn')!;
    const f = table(funding);
    const last = funding.rowCount;
    expect(f.cell(last, 'Nguồn vốn').value).toBe('Tổng cộng');
    expect(f.cell(last, 'Tổng kinh phí (triệu đồng)').value).toBe(2100.8);
    expect(f.cell(last, 'Số nhiệm vụ').value).toBe(counted.length);
  });

  it('text that could run as a formula is neutralised', async () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('Bình thường')).toBe('Bình thường');
    const wb = await readBack(report, 'vi');
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    const t = table(tasks);
    const row = (id: string) => report.tasks.findIndex((x) => x.id === id) + 2;
    expect(t.cell(row('t13'), 'Ghi chú').value).toBe(`'=HYPERLINK("http://evil.example","bấm vào đây")`);
    expect(t.cell(row('t13'), 'Ghi chú').formula).toBeUndefined();
    expect(t.cell(row('t14'), 'Tên nhiệm vụ').value).toBe("'+Đào tạo kỹ năng số");
    const a = table(wb.getWorksheet('Đơn vị')!);
    const stcRow = report.agencies.findIndex((x) => x.agencyCode === 'STC') + 2;
    expect(a.cell(stcRow, 'Tóm tắt báo cáo').value).toBe("'-Báo cáo bổ sung");
    // No cell anywhere holds a formula.
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => expect(c.type, `${ws.name}!${c.address}`).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('English headers when asked', async () => {
    const wb = await readBack(report, 'en');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Tasks', 'Agencies', 'Funding', 'Cancelled tasks']);
    expect(table(wb.getWorksheet('Tasks')!).headers).toEqual(expect.arrayContaining(['No.', 'Task', 'Lead agency', 'Due date', 'Result']));
  });
});

describe('HTML rendering', () => {
  const report = compileAnnualReport(INPUT);
  const html = renderAnnualReportHtml(report, 'vi');

  it('is laid out like an official Vietnamese report', () => {
    const text = html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('UBND TỈNH SƠN LA');
    expect(text).toContain('VĂN PHÒNG UBND TỈNH');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Số: +\/BC-VPUBND/);
    expect(text).toContain('Sơn La, ngày 21 tháng 12 năm 2024');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện Kế hoạch số 212/KH-UBND ngày 03/11/2020 của UBND tỉnh Sơn La năm 2024');
    expect(text).toContain('Kính gửi: UBND tỉnh Sơn La');
    expect(text).toContain(`Tổng số nhiệm vụ: ${counted.length}`);
    expect(text).toContain('Nơi nhận:');
    for (const cls of ['Đã hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Đang thực hiện trong hạn', 'Đang thực hiện quá hạn', 'Chưa triển khai']) expect(text).toContain(cls);
    // Missing reports are named.
    expect(text).toContain('Sở Nội vụ');
    expect(html).toContain('@media print');
    expect(html).toContain('size: A4');
    expect(html).toContain('Times New Roman');
  });

  it('dates follow Nghị định 30: a leading zero for days below 10 and months 1 and 2', () => {
    const february = renderAnnualReportHtml({ ...report, compiledAt: '2025-02-03T01:00:00Z' }, 'vi');
    expect(february).toContain('Sơn La, ngày 03 tháng 02 năm 2025');
    const march = renderAnnualReportHtml({ ...report, compiledAt: '2025-03-09T01:00:00Z' }, 'vi');
    expect(march).toContain('Sơn La, ngày 09 tháng 3 năm 2025');
  });

  it('escapes hostile text and is self-contained', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ứng dụng &quot;Công dân số&quot; &amp; tiện ích');
    expect(html).not.toMatch(/<(link|img|iframe|object)\b/i);
    expect(html).not.toMatch(/(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    const hostile = compileAnnualReport({ ...INPUT, plan: { ...INPUT.plan, title: '</title><script>x()</script>', issuer: 'UBND tỉnh <b>X</b>' } });
    const out = renderAnnualReportHtml(hostile, 'vi');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<b>X</b>');
  });

  it('renders in English when asked', () => {
    const en = renderAnnualReportHtml(report, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('SOCIALIST REPUBLIC OF VIET NAM');
    expect(en).toContain('Results of implementing Plan No. 212/KH-UBND');
    expect(en).toContain('Completed on time');
  });
});
