/**
 * Property-based fuzzing (issue 10) with fast-check:
 *
 * (a) the spreadsheet importer on arbitrary bytes, on CSV-ish text built from the header synonyms
 *     plans use and cells of every kind (Vietnamese, numbers, timeframes, formulas, quotes), and on
 *     generated XLSX workbooks: it never throws (only `ImportTooLargeError` above 10 MB), and every
 *     problem with a row says its row, and its column or field when it is an error;
 * (b) every route of `allRoutes` with a body or query schema, on the real app: arbitrary and
 *     near-valid JSON bodies (shaped by the route's own schema), query strings and path values never
 *     give a 5xx, and every 4xx is `{error: {code, message, details}}`.
 *
 * Runs are bounded so the file stays near a minute; a failure prints the shrunk counterexample and
 * the seed to replay it. CI runs one fixed seed, so that a red build is this change's and not luck;
 * elsewhere each run explores new inputs (FUZZ_SEED=<n> replays one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { z } from 'zod';
import { AgencyDirectory } from '../../domain/agencies';
import { ImportTooLargeError, MAX_IMPORT_BYTES, previewImport, type ImportPreview } from '../../domain/import';
import { isIsoDate } from '../../domain/task-machine';
import { agencySeed } from '../../db/seed/agencies';
import { agencies, importJobs, outbox } from '../../db/schema';
import { createAnnualReportActivities } from '../../activities/annual-report';
import { allRoutes } from '../../api/routes';
import type { RouteSpec } from '../../api/route';
import { startStack, type TestStack } from '../helpers/stack';
import { assignTask, command, expectErrorEnvelope, LEAD, seedWorld, type World } from './helpers';
import { seedPlan } from '../helpers/fixtures';
import { wordTable, type Value } from '../helpers/appendix-docx';

const FIXED_CI_SEED = 20261127;
fc.configureGlobal({ seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI ? FIXED_CI_SEED : undefined });

// ---------------------------------------------------------------------------------------------
// (a) the importer
// ---------------------------------------------------------------------------------------------

const seed = agencySeed('son-la');
const directory = new AgencyDirectory(seed);
const plan = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };
const preview = (data: Uint8Array, fileName?: string, sheet?: string) => previewImport({ data, fileName }, { directory, plan }, sheet === undefined ? {} : { sheet });

/** Headers as the provinces' appendices write them, and a few that no synonym covers. */
const HEADERS = [
  'STT',
  'TT',
  'Số TT',
  'Tên nhiệm vụ',
  'Tên nhiệm vụ, dự án',
  'Tên đề án, dự án',
  'Nội dung',
  'Nội dung nhiệm vụ',
  'Đơn vị chủ trì',
  'Cơ quan chủ trì',
  'Đơn vị chủ trì triển khai',
  'Cơ quan phối hợp',
  'Đơn vị phối hợp',
  'Thời gian thực hiện',
  'Thời gian triển khai',
  'Thời gian bắt đầu',
  'Tiến độ',
  'Nguồn vốn',
  'Nguồn kinh phí',
  'Kinh phí (triệu đồng)',
  'Kinh phí sự nghiệp',
  'Vốn đầu tư phát triển (tỷ đồng)',
  'Tổng mức đầu tư',
  'Dự án chuyển tiếp hay dự án mới',
  'Phân loại',
  'Mục tiêu',
  'Sản phẩm',
  'Ghi chú',
  'Cột lạ',
  '',
];

const agencyNames = seed.agencies.flatMap((a) => [a.name, a.shortName]);

/** Cells of every kind the appendices hold, and some they should not. */
const cell: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...agencyNames) },
  { weight: 2, arbitrary: fc.constantFrom('Xây dựng cơ sở dữ liệu đất đai', 'Nâng cấp Cổng thông tin điện tử tỉnh', 'Đào tạo kỹ năng số cho cán bộ, công chức', 'Triển khai chữ ký số') },
  { weight: 1, arbitrary: fc.constantFrom('Sở TTTT, UBND các huyện, thành phố', 'Các sở, ban, ngành', 'VP UBND tỉnh', 'Sở Nội vụ và Du lịch', 'UBND huyện Không Có') },
  { weight: 2, arbitrary: fc.constantFrom('2021', '2021-2025', '2022 - 2025', 'Quý II/2022', 'Năm 2022', 'Quý V/2022', '2030', '2019-2018', 'Hằng năm', 'Thường xuyên', '31/12/2023') },
  { weight: 1, arbitrary: fc.constantFrom('1.200', '7.184,4', '1,5', '-3', '1e9', '12.345.678,9', '—', 'không') },
  { weight: 1, arbitrary: fc.constantFrom('Ngân sách tỉnh', 'Ngân sách trung ương, ngân sách tỉnh', 'ODA', 'Xã hội hóa', 'Nhiệm vụ mới', 'Chuyển tiếp', 'Thường xuyên') },
  { weight: 1, arbitrary: fc.constantFrom('I', 'II.', 'A', 'Phần II', '1.1', 'Tổng cộng', 'Tổng', 'Cộng I') },
  { weight: 1, arbitrary: fc.constantFrom('=SUM(A1:A3)', "=cmd|' /C calc'!A0", '+1', '-1', '@SUM(1)', '=HYPERLINK("http://x","y")') },
  { weight: 1, arbitrary: fc.constantFrom('"', '""', 'a"b', 'dòng một\ndòng hai', '\r', ';', ',', '\t', '\u0000', '\ufeff', '\u202e') },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 100000 }).map(String) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constant('') },
);

/** A sheet: a few title rows, a header (sometimes two-level) from the synonyms, rows of cells. */
const sheet = fc.record({
  titles: fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 }),
  header: fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 9 }),
  subHeader: fc.option(fc.array(fc.constantFrom('Thường xuyên', 'Đầu tư', '(1)', '(2)', '1', '2', ''), { maxLength: 6 }), { nil: undefined }),
  rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
});
type Sheet = typeof sheet extends fc.Arbitrary<infer T> ? T : never;

const gridOf = (s: Sheet): string[][] => [...s.titles, s.header, ...(s.subHeader ? [s.subHeader] : []), ...s.rows];

/** CSV as RFC 4180 writes it, or as careless exports do (no quoting), with any delimiter and line ending. */
const csvText = fc
  .record({ s: sheet, delimiter: fc.constantFrom(',', ';', '\t', '|'), eol: fc.constantFrom('\r\n', '\n', '\r'), quote: fc.boolean(), bom: fc.boolean() })
  .map(({ s, delimiter, eol, quote, bom }) => {
    const q = (v: string) => (quote && (v.includes(delimiter) || /["\r\n]/.test(v)) ? `"${v.replace(/"/g, '""')}"` : v);
    return `${bom ? '\ufeff' : ''}${gridOf(s).map((r) => r.map(q).join(delimiter)).join(eol)}${eol}`;
  });

const encoded = fc.record({ text: csvText, encoding: fc.constantFrom('utf8', 'utf8', 'utf8', 'utf16le') }).map(({ text, encoding }) => {
  const body = Buffer.from(text, encoding as BufferEncoding);
  return new Uint8Array(encoding === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
});

/** What any preview must satisfy, whatever it was given. */
function checkPreview(p: ImportPreview): void {
  expect(['csv', 'xlsx', 'docx']).toContain(p.format);
  expect(p.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  // The worksheet or table read is one of those listed for the picker.
  if (p.sheetName !== undefined) expect(p.sheets.map((s) => s.name)).toContain(p.sheetName);
  if (p.format === 'csv') expect(p.sheets).toEqual([]);
  expect(p.ok).toBe(!p.problems.some((x) => x.severity === 'error'));
  for (const problem of p.problems) {
    expect(['error', 'warning']).toContain(problem.severity);
    expect(typeof problem.message).toBe('string');
    expect(problem.message.trim().length).toBeGreaterThan(0);
    if (problem.column !== undefined) expect(problem.column).toMatch(/^[A-Z]{1,3}(?: — |$)/);
  }
  const rowProblems = p.rows.flatMap((r) => r.problems);
  // Every row's problem is reported at the top level too.
  for (const problem of rowProblems) expect(p.problems).toContainEqual(problem);
  for (const r of p.rows) {
    for (const problem of r.problems) {
      expect(problem.row, JSON.stringify(problem)).toBe(r.row);
      if (problem.severity === 'error') expect(problem.column ?? problem.field, JSON.stringify(problem)).toBeDefined();
    }
    if (r.type === 'task') expect(r.task).toBeDefined();
  }
  expect(p.tasks).toHaveLength(p.rows.filter((r) => r.type === 'task').length);
  // A row without errors is a task that can be imported as it is.
  for (const r of p.rows.filter((x) => x.type === 'task' && !x.problems.some((e) => e.severity === 'error'))) {
    const t = r.task!;
    expect(t.title.trim().length, `row ${r.row}`).toBeGreaterThan(0);
    expect(t.leads.length, `row ${r.row}`).toBeGreaterThan(0);
    expect(isIsoDate(t.startDate) && isIsoDate(t.dueDate), `row ${r.row}: ${t.startDate}–${t.dueDate}`).toBe(true);
    expect(t.startDate <= t.dueDate, `row ${r.row}: ${t.startDate}–${t.dueDate}`).toBe(true);
  }
  expect(JSON.parse(JSON.stringify(p))).toEqual(p);
}

describe('(a) the spreadsheet importer', () => {
  it('arbitrary bytes, named as CSV, XLSX, DOCX or nothing: a preview, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(undefined, 'phu-luc.csv', 'phu-luc.xlsx', 'phu-luc.xls', 'phu-luc.docx', 'ke-hoach.doc', 'a'), async (bytes, name) => {
        checkPreview(await preview(bytes, name));
      }),
      { numRuns: 200 },
    );
  });

  it('bytes that start like a ZIP (an XLSX or a DOCX) but are not one: a preview that says so', async () => {
    const zipish = fc.uint8Array({ maxLength: 2000 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]));
    await fc.assert(
      fc.asyncProperty(zipish, fc.constantFrom('phu-luc.xlsx', 'phu-luc.docx'), async (bytes, name) => {
        const p = await preview(bytes, name);
        checkPreview(p);
        expect(p.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('CSV-ish text from the header synonyms and cells of every kind: every bad row is named by row and column', async () => {
    await fc.assert(
      fc.asyncProperty(encoded, fc.constantFrom(undefined, 'phu-luc.csv'), async (bytes, name) => {
        checkPreview(await preview(bytes, name));
      }),
      { numRuns: 200 },
    );
  });

  it('a header with the required columns and rows beneath: each row is a task, a section, a total or a named problem', async () => {
    const table = fc.record({
      rows: fc.array(fc.tuple(cell, cell, cell, cell, cell, cell), { minLength: 1, maxLength: 20 }),
      delimiter: fc.constantFrom(',', ';'),
    });
    await fc.assert(
      fc.asyncProperty(table, async ({ rows, delimiter }) => {
        const q = (v: string) => (v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
        const text = [['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kinh phí (triệu đồng)'], ...rows].map((r) => r.map(q).join(delimiter)).join('\r\n');
        const p = await preview(new TextEncoder().encode(text), 'phu-luc.csv');
        checkPreview(p);
        // The header is found, so every problem of a data row points at it.
        if (p.headerRow !== undefined) {
          for (const r of p.rows.filter((x) => x.type === 'task')) {
            for (const problem of r.problems.filter((x) => x.severity === 'error')) expect(problem.row).toBeGreaterThan(p.headerRow);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('generated XLSX workbooks, with formulas, numbers, dates and merged cells: a preview, never an exception', async () => {
    const value = fc.oneof(
      { weight: 5, arbitrary: cell.map((v) => v.replaceAll('\u0000', '')) },
      { weight: 1, arbitrary: fc.double({ noNaN: true, min: -1e9, max: 1e9 }) },
      { weight: 1, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }) },
      { weight: 1, arbitrary: fc.constantFrom({ formula: 'SUM(A1:A2)' }, { formula: 'CONCATENATE("a","b")', result: 'ab' }, { formula: '1/0' }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const book = fc.record({
      sheets: fc.array(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 20 }).map((n) => n.replace(/[*?:\\/[\]]/g, '_').replace(/^'|'$/g, '_') || 'Sheet'),
          header: fc.uniqueArray(fc.constantFrom(...HEADERS.filter(Boolean)), { minLength: 1, maxLength: 8 }),
          rows: fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 15 }),
          merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(book, async ({ sheets }) => {
        const wb = new ExcelJS.Workbook();
        const used = new Set<string>();
        for (const [i, s] of sheets.entries()) {
          const name = used.has(s.name.toLowerCase()) ? `${s.name.slice(0, 25)}${i}` : s.name;
          used.add(name.toLowerCase());
          const ws = wb.addWorksheet(name);
          ws.addRow(s.header);
          for (const r of s.rows) ws.addRow(r);
          const taken: [number, number, number, number][] = [];
          for (const [top, left, down, right] of s.merges) {
            const area: [number, number, number, number] = [top, left, top + down, left + right];
            const overlaps = taken.some(([t, l, b, r]) => !(area[0] > b || area[2] < t || area[1] > r || area[3] < l));
            if ((down || right) && !overlaps) {
              ws.mergeCells(...area);
              taken.push(area);
            }
          }
        }
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        checkPreview(await preview(bytes, 'phu-luc.xlsx'));
      }),
      { numRuns: 40 },
    );
  });

  it('generated Word documents, tables merged across and down, nested, asked for by name or not: a preview, never an exception', async () => {
    const table = fc.record({
      header: fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 8 }),
      rows: fc.array(fc.array(cell.map((v): Value => v.replaceAll('\u0000', '')), { maxLength: 8 }), { maxLength: 12 }),
      merges: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }),
      title: fc.array(cell.map((v) => v.replaceAll('\u0000', '')), { maxLength: 3 }),
      nested: fc.boolean(),
    });
    const letters = (c: number) => String.fromCharCode(65 + c);
    await fc.assert(
      fc.asyncProperty(fc.array(table, { minLength: 1, maxLength: 3 }), fc.option(fc.constantFrom('Bảng 1', 'Bảng 2', 'Bảng 5', ''), { nil: undefined }), async (tables, sheet) => {
        const children: (Paragraph | Table)[] = [];
        for (const t of tables) {
          const rows = [t.header, ...t.rows];
          const width = Math.max(...rows.map((r) => r.length), 1);
          // Merges that stay inside the table and do not overlap, as Word allows them.
          const taken: [number, number, number, number][] = [];
          const merges: string[] = [];
          for (const [top, left, down, right] of t.merges) {
            const area: [number, number, number, number] = [top, left, Math.min(top + down, rows.length - 1), Math.min(left + right, width - 1)];
            if (top >= rows.length || left >= width || (area[2] === top && area[3] === left)) continue;
            if (taken.some(([a, b, c, d]) => !(area[0] > c || area[2] < a || area[1] > d || area[3] < b))) continue;
            taken.push(area);
            merges.push(`${letters(area[1])}${area[0] + 1}:${letters(area[3])}${area[2] + 1}`);
          }
          for (const line of t.title) children.push(new Paragraph(line));
          const word = wordTable({ title: t.title, rows: rows.map((r) => [...r, ...Array(width - r.length).fill(null)]), merges });
          children.push(t.nested ? new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('PHỤ LỤC'), word, new Paragraph('')] })] })] }) : word);
        }
        const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
        const p = await preview(bytes, 'ke-hoach.docx', sheet);
        checkPreview(p);
        // Every table is listed (a nested one too), even when the one asked for is missing.
        expect(p.format).toBe('docx');
        if (p.ok || p.sheets.length) expect(p.sheets.length).toBeGreaterThanOrEqual(tables.length);
      }),
      { numRuns: 40 },
    );
  });

  it('a file over 10 MB is refused with ImportTooLargeError, the only error it may throw', async () => {
    await expect(preview(new Uint8Array(MAX_IMPORT_BYTES + 1), 'lon.csv')).rejects.toBeInstanceOf(ImportTooLargeError);
    checkPreview(await preview(new TextEncoder().encode('STT,Tên nhiệm vụ,Đơn vị chủ trì\n'), 'nho.csv'));
  });
});

// ---------------------------------------------------------------------------------------------
// (b) every request schema, against the real app
// ---------------------------------------------------------------------------------------------

describe('(b) every request schema on the real app', () => {
  let stack: TestStack;
  let world: World;
  const fx = { jobId: '', messageId: '', sparePlanId: '', knownIds: [] as string[] };

  beforeAll(async () => {
    // The dev server: a valid plan generated here creates its Schedule, which the test server lacks.
    stack = await startStack({ label: 'fuzz', temporal: 'local', app: { authFailuresPerWindow: 100_000 } });
    world = await seedWorld(stack);
    const { db } = stack.database;
    fx.sparePlanId = await seedPlan(db, { code: 'KH-FUZZ-SPARE' });
    await db.insert(agencies).values({ code: 'SXD', name: 'Sở Xây dựng', shortName: 'Sở XD', kind: 'department', emails: [] });
    const task = await assignTask(stack, world, { startDate: '2026-01-05' });
    const [job] = await db
      .insert(importJobs)
      .values({ planId: world.planId, fileName: 'phu-luc.csv', fileSha256: 'b'.repeat(64), rowCount: 1, taskCount: 1 })
      .returning({ id: importJobs.id });
    fx.jobId = job!.id;
    const [message] = await db
      .insert(outbox)
      .values({ idempotencyKey: 'fuzz-1', kind: 'digest', to: ['a@example.gov.vn'], subject: 's', text: 't', html: '<p>t</p>', scheduledFor: new Date(), messageId: '<fuzz-1@giaoviec.test>' })
      .returning({ id: outbox.id });
    fx.messageId = message!.id;
    const cycles = createAnnualReportActivities({ db });
    const opened = await cycles.openCycle({ planId: world.planId, year: 2026 });
    await cycles.compileCycle({ planId: world.planId, year: 2026, version: opened.version + 1 });
    fx.knownIds = [world.planId, task.id, fx.jobId];
  });
  afterAll(() => stack?.close());

  const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;

  /** A caller the route admits, so that requests get past authorisation to validation and beyond. */
  function tokenFor(spec: RouteSpec): string | undefined {
    if (spec.auth === 'public') return undefined;
    if (spec.auth.includes('admin')) return world.tokens.admin;
    if (spec.auth.includes('coordinator')) return world.tokens.coordinator;
    if (spec.agencyScope === 'coordinating-agency') return world.tokens.partner;
    if (spec.auth.includes('agency')) return world.tokens.lead;
    return world.tokens.viewer;
  }

  /** Real path values: a task of its own for each task route (commands consume state), a spare plan to edit or close. */
  async function pathFor(spec: RouteSpec): Promise<string> {
    let taskId: string | undefined;
    let rid = 'no-such-request';
    if (spec.path.startsWith('/api/tasks/:id')) {
      taskId = (await assignTask(stack, world)).id;
      fx.knownIds.push(taskId);
      if (spec.path.includes(':rid')) {
        rid = (await command(stack, world.tokens.lead, taskId, 'extension-requests', { newDueDate: '2027-12-31', reason: 'Chờ vốn' })).body.requestId;
      } else if (/acceptance|return/.test(spec.path)) {
        await command(stack, world.tokens.lead, taskId, 'acknowledge');
        await command(stack, world.tokens.lead, taskId, 'completion', {});
      }
    }
    const values: Record<string, string> = {
      id: { plans: spec.method === 'patch' ? fx.sparePlanId : world.planId, tasks: taskId ?? '', users: world.planId, outbox: fx.messageId }[spec.path.split('/')[2] ?? ''] ?? '',
      rid,
      code: 'SXD',
      jobId: fx.jobId,
      year: '2026',
      date: '2031-06-10',
    };
    return spec.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));
  }

  /** Text that tends to break things: empty, huge, control characters, markup, SQL, near-dates. */
  const nastyString = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '\u202e', "' OR 1=1 --", '<script>alert(1)</script>', '__proto__', 'constructor', 'NaN', 'null', 'true', '1e309') },
    { weight: 1, arbitrary: fc.constantFrom('2026-02-29', '2024-02-29', '0000-01-01', '9999-12-31', '2026-13-01', '2026-1-1', '2026-12-31T00:00:00Z', '12-25', '02-30') },
    { weight: 1, arbitrary: fc.constantFrom(LEAD, 'STC', 'SNV', 'HUYEN', 'SXD', 'VPUBND', 'NOPE') },
    { weight: 1, arbitrary: fc.integer({ min: 900, max: 25_000 }).map((n) => 'ạ'.repeat(n)) },
  );
  /** The same, short enough for a URL (Node refuses request heads over 16 KB before the app sees them). */
  const nastyShortString = nastyString.map((t) => t.slice(0, 600));
  const uuidish = fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000'), fc.constant(null).map(() => fx.knownIds[0]!), fc.nat().map((i) => fx.knownIds[i % fx.knownIds.length]!));
  const nastyNumber = fc.oneof(fc.integer(), fc.integer({ min: -5, max: 120 }), fc.integer({ min: 1990, max: 2110 }), fc.double(), fc.constantFrom(0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5));
  const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });

  type JsonSchema = { type?: string | string[]; enum?: unknown[]; const?: unknown; format?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] };

  /** Values shaped like the schema most of the time, so that requests reach the handlers, and anything at all otherwise. */
  function fromSchema(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const weird = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null), anyJson);
    if (!s || depth > 4) return weird;
    const variants = s.anyOf ?? s.oneOf ?? s.allOf;
    if (variants?.length) return fc.oneof(...variants.map((v) => fromSchema(v, depth + 1)));
    let shaped: fc.Arbitrary<unknown>;
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    if (s.enum) shaped = fc.constantFrom(...s.enum);
    else if (s.const !== undefined) shaped = fc.constant(s.const);
    else if (type === 'string') shaped = s.format === 'uuid' ? uuidish : nastyString;
    else if (type === 'number' || type === 'integer') shaped = nastyNumber;
    else if (type === 'boolean') shaped = fc.boolean();
    else if (type === 'array') shaped = fc.array(fromSchema(s.items, depth + 1), { maxLength: 4 });
    else if (type === 'object' || s.properties) {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      shaped = fc
        .tuple(fc.record(props, { requiredKeys: [] }), fc.dictionary(nastyString, weird, { maxKeys: 2 }))
        .map(([known, extra]) => ({ ...extra, ...known }));
    } else shaped = weird;
    return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: weird });
  }

  const jsonSchemaOf = (schema: unknown): JsonSchema => z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

  /** A query string from the schema's own keys and stray ones, repeated keys included. */
  function queryFor(schema: unknown): fc.Arbitrary<string> {
    const js = jsonSchemaOf(schema);
    const keys = Object.keys(js.properties ?? {});
    const valueFor = (k: string): fc.Arbitrary<string> => {
      const p = js.properties?.[k];
      const enumValues = (p?.enum ?? p?.anyOf?.flatMap((v) => v.enum ?? []) ?? []).map(String);
      return fc.oneof(
        ...(enumValues.length ? [fc.constantFrom(...enumValues)] : []),
        nastyShortString,
        nastyNumber.map(String),
        uuidish.map(String),
        fc.constantFrom('assigned,in_progress', 'true', 'false', '1', '0', 'json', 'xlsx', 'html', 'vi', 'en', '2026'),
        fc.string({ maxLength: 60 }).map((t) => Buffer.from(t).toString('base64url')),
      );
    };
    const pair = fc.oneof({ weight: 4, arbitrary: keys.length ? fc.constantFrom(...keys) : nastyShortString }, { weight: 1, arbitrary: nastyShortString }).chain((k) => valueFor(k).map((v) => [k, v] as [string, string]));
    const structured = fc.array(pair, { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k.replaceAll('\u0000', ''), v])).toString());
    const raw = fc.string({ maxLength: 60 }).map((t) => t.replace(/#/g, '%23'));
    return fc.oneof({ weight: 5, arbitrary: structured }, { weight: 1, arbitrary: raw });
  }

  async function expectNoServerError(method: string, path: string, init: { token?: string; body?: string; contentType?: string; headers?: Record<string, string> }) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
    const res = await fetch(stack.url + path, { method, headers, body: init.body });
    const text = await res.text();
    const what = `${method} ${path.slice(0, 200)} ${init.body?.slice(0, 300) ?? ''} → ${res.status} ${text.slice(0, 300)}`;
    expect(res.status, what).toBeLessThan(500);
    // Node refuses an oversized request line or header itself, before the app sees it.
    if (res.status === 431 || res.status === 414) return;
    // Mail links, and the province sign-in the browser is sent through, answer a person with a page;
    // only a value no browser could send (a NUL byte, broken Unicode) meets the API's JSON refusal.
    if ((path.startsWith('/l/') || path.startsWith('/auth/oidc/')) && (res.headers.get('content-type') ?? '').includes('text/html')) return;
    if (res.status >= 400) {
      expect(res.headers.get('content-type') ?? '', what).toContain('application/json');
      expectErrorEnvelope({ status: res.status, headers: res.headers, body: JSON.parse(text) }, what);
    }
  }

  const withBody = allRoutes.filter((r) => r.body);
  const withQuery = allRoutes.filter((r) => r.query);

  it('covers every route that takes a body or a query', () => {
    expect(withBody.length).toBeGreaterThan(10);
    expect(withQuery.length).toBeGreaterThan(5);
  });

  for (const spec of withBody) {
    it(`body of ${routeKey(spec)}`, async () => {
      const path = await pathFor(spec);
      const token = tokenFor(spec);
      const shaped = fromSchema(jsonSchemaOf(spec.body)).map((v) => JSON.stringify(v) ?? 'null');
      const body = fc.oneof(
        { weight: 6, arbitrary: shaped.map((b) => ({ body: b, contentType: 'application/json' })) },
        { weight: 1, arbitrary: fc.string({ maxLength: 80 }).map((b) => ({ body: b, contentType: 'application/json' })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(shaped, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/json; charset=utf-16'))
            .map(([b, contentType]) => ({ body: b, contentType })),
        },
      );
      const key = fc.option(fc.string({ unit: 'binary-ascii', maxLength: 40 }).filter((k) => /^[\x20-\x7e]*$/.test(k)), { nil: undefined, freq: 5 });
      await fc.assert(
        fc.asyncProperty(body, key, async ({ body: b, contentType }, idempotencyKey) => {
          await expectNoServerError(spec.method.toUpperCase(), path, { token, body: b, contentType, headers: idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey } });
        }),
        { numRuns: 40 },
      );
    });
  }

  for (const spec of withQuery) {
    it(`query of ${routeKey(spec)}`, async () => {
      const path = await pathFor(spec);
      const token = tokenFor(spec);
      await fc.assert(
        fc.asyncProperty(queryFor(spec.query), async (query) => {
          await expectNoServerError(spec.method.toUpperCase(), `${path}?${query}`, { token });
        }),
        { numRuns: 40 },
      );
    });
  }

  const wellFormed = (v: string) => v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

  it('malformed percent-encoding in a path is a 400', async () => {
    const res = await stack.request('GET', '/api/tasks/%E0%A4%A', { token: world.tokens.coordinator });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('path values of every route: anything in a path parameter is a 4xx at worst', async () => {
    const routes = allRoutes.filter((r) => r.path.includes(':') && r.method === 'get');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.array(nastyShortString, { minLength: 3, maxLength: 3 }), async (spec, values) => {
        let i = 0;
        // A lone surrogate cannot be percent-encoded at all (URIError in the test, not the server): made well-formed.
        const path = spec.path.replace(/:(\w+)/g, () => encodeURIComponent(wellFormed(values[i++ % values.length]!)) || '%20');
        await expectNoServerError('GET', path, { token: tokenFor(spec) });
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary bytes posted as an appendix: a preview or a 4xx, never a 5xx', async () => {
    const file = fc.oneof(fc.uint8Array({ maxLength: 2000 }), encoded);
    const types = fc.constantFrom(
      'text/csv',
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    await fc.assert(
      fc.asyncProperty(file, types, async (bytes, type) => {
        const res = await fetch(`${stack.url}/api/plans/${world.planId}/import?dryRun=true`, {
          method: 'POST',
          headers: { authorization: `Bearer ${world.tokens.coordinator}`, 'content-type': type },
          body: bytes,
        });
        const text = await res.text();
        expect(res.status, text.slice(0, 300)).toBeLessThan(500);
        if (res.status >= 400) expectErrorEnvelope({ status: res.status, headers: res.headers, body: JSON.parse(text) }, 'import');
        else checkPreview(JSON.parse(text));
      }),
      { numRuns: 60 },
    );
  });
});
