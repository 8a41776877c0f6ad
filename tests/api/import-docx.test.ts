import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { seedAgencies } from '../../db/seed/agencies';
import { importJobs, tasks } from '../../db/schema';
import { startStack, type ApiResponse, type TestStack } from '../helpers/stack';
import { seedPlan } from '../helpers/fixtures';
import { APPENDIX_I, APPENDIX_II, planDocx, planXlsx } from '../helpers/appendix-docx';

/** The plan signed in Word, imported through the API against the real stack; its XLSX twin beside it. */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function upload(stack: TestStack, token: string, planId: string, data: Uint8Array, opts: { query?: string; name: string; type: string }) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: opts.type }), opts.name);
  return stack.request('POST', `/api/plans/${planId}/import${opts.query ? `?${opts.query}` : ''}`, { token, rawBody: form });
}

async function waitForJob(stack: TestStack, token: string, planId: string, jobId: string) {
  await expect
    .poll(async () => (await stack.request('GET', `/api/plans/${planId}/imports/${jobId}`, { token })).body.status, { timeout: 60_000, interval: 300 })
    .toBe('started');
  // Every task's workflow ran its first step: its `created` event is in the read model.
  await expect
    .poll(async () => stack.database.db.$count(tasks, and(eq(tasks.importJobId, jobId), eq(tasks.lastSeq, 0))), { timeout: 60_000, interval: 300 })
    .toBe(0);
}

/** What an import wrote for a plan, in a form two imports can be compared by. */
async function planTasks(stack: TestStack, planId: string) {
  const rows = await stack.database.db
    .select({ lead: tasks.leadAgencyCode, title: tasks.title, section: tasks.sectionCode, due: tasks.dueDate, funding: tasks.funding, parent: tasks.parentId })
    .from(tasks)
    .where(eq(tasks.planId, planId))
    .orderBy(tasks.position, tasks.leadAgencyCode);
  return rows.map(({ parent, ...r }) => ({ ...r, child: parent !== null }));
}

describe('importing a plan appendix from a Word document', () => {
  let stack: TestStack;
  let coordinator: string;
  let docx: Uint8Array;
  let xlsx: Uint8Array;
  const period = { periodStart: '2023-01-01', periodEnd: '2025-12-31' };
  beforeAll(async () => {
    stack = await startStack({ label: 'import_docx' });
    await seedAgencies(stack.database.db, { province: 'son-la' });
    coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
    docx = await planDocx([APPENDIX_I, APPENDIX_II]);
    xlsx = await planXlsx([{ name: 'Phụ lục I', table: APPENDIX_I }]);
  });
  afterAll(() => stack?.close());

  it('a dry run reads the appendix table, lists every table for a picker, and writes nothing', async () => {
    const planId = await seedPlan(stack.database.db, period);
    const res = await upload(stack, coordinator, planId, docx, { query: 'dryRun=true', name: 'KH 86-KH-UBND.docx', type: DOCX });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, format: 'docx', sheetName: 'Bảng 2', summary: { tasks: 9, sections: 3 } });
    expect(res.body.sheets.map((s: { name: string; hasHeader: boolean; caption?: string }) => [s.name, s.hasHeader, s.caption?.slice(0, 10)])).toEqual([
      ['Bảng 1', false, undefined],
      ['Bảng 2', true, 'PHỤ LỤC I '],
      ['Bảng 3', true, 'PHỤ LỤC II'],
    ]);
    // The second appendix, chosen by name, sent as a raw body.
    const second = await stack.request('POST', `/api/plans/${planId}/import?dryRun=true&sheet=${encodeURIComponent('Bảng 3')}`, {
      token: coordinator,
      rawBody: docx,
      headers: { 'content-type': DOCX, 'x-file-name': 'KH 86-KH-UBND.docx' },
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ ok: true, format: 'docx', sheetName: 'Bảng 3', summary: { tasks: 2 } });
    expect(await stack.database.db.$count(tasks)).toBe(0);
    expect(await stack.database.db.$count(importJobs)).toBe(0);
  });

  it('a commit of the .docx writes the same tasks as its XLSX twin and starts their workflows', async () => {
    const fromWord = await seedPlan(stack.database.db, period);
    const fromExcel = await seedPlan(stack.database.db, period);
    const word = await upload(stack, coordinator, fromWord, docx, { name: 'KH 86-KH-UBND.docx', type: DOCX });
    expect(word.status, JSON.stringify(word.body).slice(0, 500)).toBe(202);
    expect(word.body.job).toMatchObject({ sheetName: 'Bảng 2', status: 'starting' });
    const excel = await upload(stack, coordinator, fromExcel, xlsx, { name: 'phu-luc.xlsx', type: XLSX });
    expect(excel.status, JSON.stringify(excel.body).slice(0, 500)).toBe(202);
    await waitForJob(stack, coordinator, fromWord, word.body.job.id);
    await waitForJob(stack, coordinator, fromExcel, excel.body.job.id);

    const wordTasks = await planTasks(stack, fromWord);
    // 9 appendix rows; the one led by "UBND các huyện, thành phố" is a parent with one task per district.
    expect(wordTasks.filter((t) => !t.child)).toHaveLength(9);
    expect(wordTasks.filter((t) => t.child)).toHaveLength(12);
    expect(word.body.job.taskCount).toBe(excel.body.job.taskCount);
    expect(word.body.job.taskCount).toBe(wordTasks.length);
    expect(wordTasks).toEqual(await planTasks(stack, fromExcel));
    const top = await stack.database.db.select().from(tasks).where(and(eq(tasks.planId, fromWord), isNull(tasks.parentId))).orderBy(tasks.position);
    expect(top.slice(0, 3).map((t) => t.leadAgencyCode)).toEqual(['STTTT', 'STTTT', 'STTTT']);
    expect(top[0]!.funding).toEqual({ text: 'Ngân sách tỉnh', sources: ['province'], amounts: { recurrent: 1200, investment: 7184.4, total: 8384.4 } });
    const started = await stack.database.db.$count(tasks, and(eq(tasks.planId, fromWord), sql`${tasks.lastSeq} > 0`));
    expect(started).toBe(wordTasks.length);
  });

  it('the other appendix of the same document imports once too; the same table again changes nothing', async () => {
    const planId = await seedPlan(stack.database.db, period);
    const first = await upload(stack, coordinator, planId, docx, { name: 'KH.docx', type: DOCX });
    expect(first.status).toBe(202);
    const second = await upload(stack, coordinator, planId, docx, { query: `sheet=${encodeURIComponent('Bảng 3')}`, name: 'KH.docx', type: DOCX });
    expect(second.status).toBe(202);
    expect(second.body.job).toMatchObject({ sheetName: 'Bảng 3', taskCount: 2 });
    await waitForJob(stack, coordinator, planId, second.body.job.id);
    const again = await upload(stack, coordinator, planId, docx, { query: `sheet=${encodeURIComponent('Bảng 2')}`, name: 'ban-sao.docx', type: DOCX });
    expect(again.status).toBe(200);
    // Compared with what that table brought: nothing to add, change or cancel.
    expect(again.body).toMatchObject({ alreadyImported: true, diff: { compared: 9, added: [], changed: [], removed: [] } });
    expect(await stack.database.db.$count(tasks, and(eq(tasks.planId, planId), isNull(tasks.parentId)))).toBe(11);
  });

  it('bad uploads and a bad sheet keep their clear 4xx, and nothing is written', async () => {
    const planId = await seedPlan(stack.database.db, period);
    const cases: [string, Promise<ApiResponse>, number, RegExp, string?][] = [
      ['empty .docx', upload(stack, coordinator, planId, new Uint8Array(), { name: 'trong.docx', type: DOCX }), 422, /rỗng/],
      ['a PNG named .docx', upload(stack, coordinator, planId, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { name: 'anh.docx', type: DOCX }), 422, /PNG/],
      ['a corrupt .docx', upload(stack, coordinator, planId, docx.subarray(0, 3000), { name: 'hong.docx', type: DOCX }), 422, /bị hỏng/],
      ['an unknown table', upload(stack, coordinator, planId, docx, { query: 'sheet=B%E1%BA%A3ng%209', name: 'KH.docx', type: DOCX }), 422, /Không có bảng \W*Bảng 9/, 'sheet'],
      ['an empty sheet parameter', upload(stack, coordinator, planId, docx, { query: 'sheet=%20', name: 'KH.docx', type: DOCX }), 422, /không được để trống/, 'query.sheet'],
      ['the heading table', upload(stack, coordinator, planId, docx, { query: 'sheet=B%E1%BA%A3ng%201', name: 'KH.docx', type: DOCX }), 422, /Thiếu cột bắt buộc/],
    ];
    for (const [what, pending, status, message, field] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      expect(res.body.error.message + JSON.stringify(res.body.error.details), what).toMatch(message);
      if (field) expect(res.body.error.details[0].field, what).toBe(field);
    }
    // Over 10 MB, as a raw Word body.
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(docx);
    const tooBig = await stack.request('POST', `/api/plans/${planId}/import`, { token: coordinator, rawBody: big, headers: { 'content-type': DOCX } });
    expect(tooBig.status).toBe(413);
    expect(await stack.database.db.$count(tasks, eq(tasks.planId, planId))).toBe(0);
    expect(await stack.database.db.$count(importJobs, eq(importJobs.planId, planId))).toBe(0);
  });

  it('the OpenAPI document lists the Word upload and the sheet parameter', async () => {
    const doc = (await stack.request('GET', '/api/openapi.json')).body;
    const op = doc.paths['/api/plans/{id}/import'].post;
    expect(Object.keys(op.requestBody.content)).toContain(DOCX);
    expect(op.parameters.find((p: { name: string }) => p.name === 'sheet')).toMatchObject({ in: 'query', required: false, schema: { type: 'string', maxLength: 200 } });
  });
});
