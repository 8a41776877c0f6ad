/**
 * Evidence files (minh chứng) through the real API: uploads of each accepted type, refusals by content
 * (whatever the name says), the size limit, who may upload, list and download, the two stores (Postgres
 * and a directory), the virus-scan hook, and reports that cite the files — progress, completion,
 * contribution, the annual report — recorded in the task's audit trail; and the withdrawal of a file
 * uploaded by mistake, refused once a report cites it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createApp } from '../../api/app';
import { createAnnualReportActivities } from '../../activities/annual-report';
import { agencyReports, attachmentContents, attachments, auditLog, taskEvents } from '../../db/schema';
import { loadConfig } from '../../runtime/config';
import { requester, startStack, type ApiResponse, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { fromToday, today } from '../helpers/dates';
import { testConfig } from '../helpers/temporal';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCANNER = path.relative(process.cwd(), path.join(HERE, '../fixtures/virus-scanner.ts'));
const STORE_DIR = path.join(HERE, '../.tmp', `attachments-${randomUUID()}`);

let stack: TestStack;
let planId: string;
const tokens: Record<'coordinator' | 'viewer' | 'lead' | 'partner' | 'other', string> = {} as never;
/** The same database and Temporal behind other configurations: files in a directory, a 1 MB limit, a virus scanner. */
const servers: Server[] = [];
type Requester = ReturnType<typeof requester>;
let dirApp: Requester;
let dirUrl: string;
let scanApp: Requester;

async function appWith(env: Record<string, string>): Promise<[Requester, string]> {
  const config = { ...loadConfig({ LOG_LEVEL: 'error', LINK_SECRET: testConfig.LINK_SECRET, PUBLIC_URL: testConfig.PUBLIC_URL, ...env }), DATABASE_URL: stack.database.url };
  const app = createApp({ ...stack.deps, config });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return [requester(url), url];
}

beforeAll(async () => {
  stack = await startStack({ label: 'attachments' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db);
  tokens.coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND', name: 'Trần Văn Điều phối' });
  tokens.viewer = await stack.user({ role: 'viewer', name: 'Lãnh đạo UBND tỉnh' });
  tokens.lead = await stack.user({ role: 'agency', agencyCode: 'STTTT', name: 'Nguyễn Thị Văn thư' });
  tokens.partner = await stack.user({ role: 'agency', agencyCode: 'STC', name: 'Văn thư Sở Tài chính' });
  tokens.other = await stack.user({ role: 'agency', agencyCode: 'SNV', name: 'Văn thư Sở Nội vụ' });
  mkdirSync(STORE_DIR, { recursive: true });
  [dirApp, dirUrl] = await appWith({ ATTACHMENTS_DIR: STORE_DIR, ATTACHMENT_MAX_MB: '1' });
  [scanApp] = await appWith({ ATTACHMENT_SCAN_COMMAND: `node --import tsx ${SCANNER}` });
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((done) => s.close(() => done()));
  await stack?.close();
  rmSync(STORE_DIR, { recursive: true, force: true });
});

// ---- sample files, each its real format ----

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
async function docx(): Promise<Buffer> {
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const body =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:body><w:p><w:r><w:t>Biên bản nghiệm thu</w:t></w:r></w:p></w:body></w:document>';
  return zip({ '[Content_Types].xml': types, '_rels/.rels': rels, 'word/document.xml': body });
}
/** A ZIP archive of `entries`, in their order (a Word document's content types come first). */
function zip(entries: Record<string, string>): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, text] of Object.entries(entries)) archive.file(name, text);
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
async function xlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Số liệu').addRow(['Xã', 'Số hồ sơ']);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(400, 0x90)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** The file name a browser saves under: RFC 6266's `filename*` when the name is not ASCII. */
const dispositionName = (header: string) => {
  const extended = /filename\*=UTF-8''([^;]+)/.exec(header);
  return extended ? decodeURIComponent(extended[1]!) : /filename="?([^";]*)/.exec(header)![1];
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function upload(who: keyof typeof tokens, taskId: string, data: Buffer, name: string, via = stack.request, claimedType = 'application/octet-stream'): Promise<ApiResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: claimedType }), name);
  return via('POST', `/api/tasks/${taskId}/attachments`, { token: tokens[who], rawBody: form });
}

async function uploaded(who: keyof typeof tokens, taskId: string, data: Buffer, name: string, via = stack.request) {
  const res = await upload(who, taskId, data, name, via);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; fileName: string; contentType: string; size: number; sha256: string };
}

async function download(who: keyof typeof tokens, id: string, base = stack.url) {
  const res = await fetch(`${base}/api/attachments/${id}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function newTask(): Promise<string> {
  const res = await stack.request('POST', `/api/plans/${planId}/tasks`, {
    token: tokens.coordinator,
    body: { title: 'Số hóa hồ sơ một cửa cấp xã', leadAgency: 'STTTT', coordinatingAgencies: ['STC'], startDate: fromToday(1), dueDate: fromToday(120) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const act = (who: keyof typeof tokens, id: string, action: string, body: unknown = {}) => stack.request('POST', `/api/tasks/${id}/${action}`, { token: tokens[who], body });

async function eventsOf(taskId: string) {
  return stack.database.db.select().from(taskEvents).where(eq(taskEvents.taskId, taskId)).orderBy(asc(taskEvents.seq));
}

const storedRows = (taskId: string) => stack.database.db.select().from(attachments).where(eq(attachments.taskId, taskId));

describe('upload', () => {
  let taskId: string;
  beforeAll(async () => {
    taskId = await newTask();
  });

  it('accepts PDF, DOCX, XLSX, PNG and JPEG by their content, kept in Postgres with their SHA-256, and gives each back as it came', async () => {
    const files: [Buffer, string, string][] = [
      [PDF, 'Báo cáo kết quả.pdf', 'application/pdf'],
      [await docx(), 'Biên bản nghiệm thu.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [await xlsx(), 'Số liệu 12 xã.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [PNG, 'ảnh hiện trường.png', 'image/png'],
      [JPEG, 'IMG_0001.JPG', 'image/jpeg'],
    ];
    for (const [data, name, type] of files) {
      const body = await uploaded('lead', taskId, data, name);
      // The Vietnamese name arrives intact (UTF-8 in the multipart header).
      expect(body).toMatchObject({ fileName: name.normalize('NFC'), contentType: type, size: data.length, sha256: sha256(data), uploadedBy: { name: 'Nguyễn Thị Văn thư', agencyCode: 'STTTT' } });
      const [row] = await stack.database.db.select().from(attachments).where(eq(attachments.id, body.id));
      expect(row).toMatchObject({ storage: 'db', storageKey: null, sha256: sha256(data) });
      const [content] = await stack.database.db.select().from(attachmentContents).where(eq(attachmentContents.attachmentId, body.id));
      expect(Buffer.compare(content!.data, data)).toBe(0);

      const { res, bytes } = await download('coordinator', body.id);
      expect(res.status).toBe(200);
      expect(Buffer.compare(bytes, data)).toBe(0);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(dispositionName(res.headers.get('content-disposition')!)).toBe(name.normalize('NFC'));
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
    }
    const list = await stack.request('GET', `/api/tasks/${taskId}/attachments`, { token: tokens.viewer });
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { contentType: string }) => a.contentType)).toEqual(files.map((f) => f[2]));
  });

  it('names a file by what it is: a PDF sent as .docx is offered as .pdf, a path and control characters are dropped', async () => {
    const renamed = await uploaded('lead', taskId, PDF, 'Quyết định 12.docx');
    expect(renamed).toMatchObject({ fileName: 'Quyết định 12.pdf', contentType: 'application/pdf' });
    const pathy = await uploaded('lead', taskId, PNG, '..\\..\\Windows\\<img src=x onerror=alert(1)>  ảnh.png');
    expect(pathy.fileName).toBe('_img src=x onerror=alert(1)_ ảnh.png');
    const jpeg = await uploaded('lead', taskId, JPEG, 'IMG_0002.JPEG');
    expect(jpeg.fileName).toBe('IMG_0002.JPEG');
    // A control character in the part's header is a body nobody can read: 400, not a server error.
    const garbled = await upload('lead', taskId, PNG, 'anh\u0007.png');
    expect(garbled.status).toBe(400);
  });

  it('refuses by content whatever the name says: a program named .pdf, HTML named .pdf, SVG named .png, a plain ZIP named .docx', async () => {
    const before = (await storedRows(taskId)).length;
    const plainZip = await zip({ 'readme.txt': 'không phải tài liệu Word' });
    for (const [data, name, claimed] of [
      [EXE, 'bao-cao.pdf', 'application/pdf'],
      [HTML, 'bao-cao.pdf', 'application/pdf'],
      [SVG, 'anh.png', 'image/png'],
      [plainZip, 'bien-ban.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const res = await upload('lead', taskId, data, name, stack.request, claimed);
      expect(res.status, name).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({ field: 'file' });
      expect(res.body.error.message).toContain('PDF, DOCX, XLSX, PNG, JPEG');
    }
    expect((await upload('lead', taskId, EXE, 'setup.exe')).body.error.details[0].message).toContain('EXE');
    const empty = await upload('lead', taskId, Buffer.alloc(0), 'trong.pdf');
    expect(empty.status).toBe(422);
    const none = await stack.request('POST', `/api/tasks/${taskId}/attachments`, { token: tokens.lead, rawBody: new FormData() });
    expect(none.status).toBe(422);
    expect(none.body.error.details[0].field).toBe('file');
    expect(await storedRows(taskId)).toHaveLength(before);
  });

  it('refuses a file over ATTACHMENT_MAX_MB with 413, naming the limit', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await upload('lead', taskId, big, 'qua-lon.pdf', dirApp);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'payload_too_large', details: [{ field: 'file' }] });
    expect(res.body.error.message).toContain('1 MB');
    // Just under the limit passes.
    const fits = await upload('lead', taskId, Buffer.concat([PDF, Buffer.alloc(1024 * 1024 - PDF.length - 500, 0x20)]), 'vua-du.pdf', dirApp);
    expect(fits.status).toBe(201);
  });

  it('only the task’s agencies and the coordinator upload; only those who may see the task list and download', async () => {
    const file = await uploaded('partner', taskId, PDF, 'so-lieu-phoi-hop.pdf');
    expect(file.fileName).toBe('so-lieu-phoi-hop.pdf');
    expect((await uploaded('coordinator', taskId, PDF, 'cong-van-don-doc.pdf')).fileName).toBe('cong-van-don-doc.pdf');

    const stranger = await upload('other', taskId, PDF, 'la.pdf');
    expect(stranger.status).toBe(403);
    expect((await upload('viewer', taskId, PDF, 'la.pdf')).status).toBe(403);
    expect((await upload('lead', randomUUID(), PDF, 'la.pdf')).status).toBe(404);

    expect((await download('other', file.id)).res.status).toBe(403);
    expect((await stack.request('GET', `/api/tasks/${taskId}/attachments`, { token: tokens.other })).status).toBe(403);
    for (const who of ['viewer', 'lead', 'partner', 'coordinator'] as const) expect((await download(who, file.id)).res.status, who).toBe(200);
    expect((await download('coordinator', randomUUID())).res.status).toBe(404);
    const unauthenticated = await fetch(`${stack.url}/api/attachments/${file.id}`);
    expect(unauthenticated.status).toBe(401);
  });
});

describe('stores', () => {
  it('keeps the bytes in ATTACHMENTS_DIR when it is set, one folder per task, named by id; files kept in Postgres are still served', async () => {
    const taskId = await newTask();
    const data = await docx();
    const file = await uploaded('lead', taskId, data, 'Biên bản.docx', dirApp);
    const [row] = await stack.database.db.select().from(attachments).where(eq(attachments.id, file.id));
    expect(row).toMatchObject({ storage: 'dir', storageKey: `${taskId}/${file.id}`, sha256: sha256(data) });
    const onDisk = path.join(STORE_DIR, taskId, file.id);
    expect(Buffer.compare(readFileSync(onDisk), data)).toBe(0);
    expect(await stack.database.db.select().from(attachmentContents).where(eq(attachmentContents.attachmentId, file.id))).toEqual([]);

    const viaDir = await download('partner', file.id, dirUrl);
    expect(viaDir.res.status).toBe(200);
    expect(Buffer.compare(viaDir.bytes, data)).toBe(0);

    // A file kept in Postgres before ATTACHMENTS_DIR was set is read from Postgres.
    const older = await uploaded('lead', taskId, PNG, 'truoc-do.png');
    const both = await download('lead', older.id, dirUrl);
    expect(Buffer.compare(both.bytes, PNG)).toBe(0);
    expect(existsSync(path.join(STORE_DIR, taskId, older.id))).toBe(false);
  });

  it('does not serve a file whose bytes changed after upload', async () => {
    const taskId = await newTask();
    const file = await uploaded('lead', taskId, PDF, 'goc.pdf');
    await stack.database.db.update(attachmentContents).set({ data: Buffer.concat([PDF, Buffer.from('% sửa sau')]) }).where(eq(attachmentContents.attachmentId, file.id));
    const { res, bytes } = await download('lead', file.id);
    expect(res.status).toBe(500);
    expect(JSON.parse(bytes.toString('utf8')).error.code).toBe('attachment_corrupt');
  });
});

describe('virus scan hook (ATTACHMENT_SCAN_COMMAND)', () => {
  it('runs the scanner on each upload: a clean file is kept, a virus refused, a scanner that fails refuses for now', async () => {
    const taskId = await newTask();
    expect((await upload('lead', taskId, PDF, 'sach.pdf', scanApp)).status).toBe(201);
    const infected = await upload('lead', taskId, Buffer.concat([PDF, Buffer.from(`\n% ${EICAR}\n`, 'latin1')]), 'nhiem.pdf', scanApp);
    expect(infected.status).toBe(422);
    expect(infected.body.error).toMatchObject({ details: [{ field: 'file', message: 'phát hiện mã độc' }] });
    const offline = await upload('lead', taskId, Buffer.concat([PDF, Buffer.from('\n% SCANNER-OFFLINE\n')]), 'cho.pdf', scanApp);
    expect(offline.status).toBe(503);
    expect((await storedRows(taskId)).map((r) => r.fileName)).toEqual(['sach.pdf']);
  });
});

describe('reports that cite evidence', () => {
  it('progress, completion and contribution record their files in the audit trail; the list says which report cites each', async () => {
    const taskId = await newTask();
    const photo = await uploaded('lead', taskId, PNG, 'anh-lap-dat.png');
    const minutes = await uploaded('lead', taskId, PDF, 'bien-ban-nghiem-thu.pdf');
    const figures = await uploaded('partner', taskId, await xlsx(), 'kinh-phi.xlsx');

    expect((await act('lead', taskId, 'acknowledge')).status).toBe(200);
    const progress = await act('lead', taskId, 'progress', { percent: 60, note: 'Đã lắp đặt', attachmentIds: [photo.id] });
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    const contribution = await act('partner', taskId, 'contributions', { note: 'Đã bố trí kinh phí', attachmentIds: [figures.id] });
    expect(contribution.status, JSON.stringify(contribution.body)).toBe(201);
    const completion = await act('lead', taskId, 'completion', { note: 'Đã vận hành', attachmentIds: [minutes.id, photo.id] });
    expect(completion.status, JSON.stringify(completion.body)).toBe(200);

    const events = await eventsOf(taskId);
    const file = (f: typeof photo) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size });
    expect(events.find((e) => e.type === 'progress_reported')!.data).toMatchObject({ percent: 60, attachments: [file(photo)] });
    expect(events.find((e) => e.type === 'contribution_added')!.data).toMatchObject({ attachments: [file(figures)] });
    expect(events.find((e) => e.type === 'completion_submitted')!.data).toMatchObject({ attachments: [file(minutes), file(photo)] });

    // The task detail (the timeline) carries them too.
    const detail = await stack.request('GET', `/api/tasks/${taskId}`, { token: tokens.coordinator });
    expect(detail.body.events.find((e: { type: string }) => e.type === 'completion_submitted').data.attachments).toHaveLength(2);
    const list = (await stack.request('GET', `/api/tasks/${taskId}/attachments`, { token: tokens.coordinator })).body.items as { id: string; citedBy: { type: string }[] }[];
    expect(list.find((a) => a.id === photo.id)!.citedBy.map((c) => c.type)).toEqual(['progress_reported', 'completion_submitted']);
    expect(list.find((a) => a.id === figures.id)!.citedBy.map((c) => c.type)).toEqual(['contribution_added']);
  });

  it('refuses, naming the field, a file of another task, another agency’s file, or an unknown one; another agency’s task is 403', async () => {
    const taskId = await newTask();
    const elsewhere = await newTask();
    const foreignTaskFile = await uploaded('lead', elsewhere, PDF, 'nhiem-vu-khac.pdf');
    const partnerFile = await uploaded('partner', taskId, PDF, 'cua-so-tai-chinh.pdf');
    await act('lead', taskId, 'acknowledge');

    const wrongTask = await act('lead', taskId, 'completion', { attachmentIds: [foreignTaskFile.id] });
    expect(wrongTask.status).toBe(422);
    expect(wrongTask.body.error.details).toEqual([{ field: 'attachmentIds.0', message: 'không phải tệp đã tải lên cho nhiệm vụ này' }]);
    const notOurs = await act('lead', taskId, 'completion', { attachmentIds: [randomUUID(), partnerFile.id] });
    expect(notOurs.status).toBe(422);
    expect(notOurs.body.error.details.map((d: { field: string }) => d.field)).toEqual(['attachmentIds.0', 'attachmentIds.1']);
    expect(notOurs.body.error.details[1].message).toContain('do đơn vị khác tải lên');
    const stranger = await act('other', taskId, 'completion', { attachmentIds: [partnerFile.id] });
    expect(stranger.status).toBe(403);
    const notUuid = await act('lead', taskId, 'completion', { attachmentIds: ['bien-ban.pdf'] });
    expect(notUuid.status).toBe(422);
    expect(notUuid.body.error.details[0].field).toBe('attachmentIds.0');
    // Nothing was submitted by the refused ones.
    expect((await eventsOf(taskId)).map((e) => e.type)).toEqual(['created', 'acknowledged']);
  });

  it('the annual report cites evidence per task: kept with the report and recorded on the task through its workflow', async () => {
    const taskId = await newTask();
    const year = Number(today().slice(0, 4));
    // The year's cycle, opened by the product's own activity (its workflow would wait for 1 December).
    await createAnnualReportActivities({ db: stack.database.db }).openCycle({ planId, year });
    const evidence = await uploaded('lead', taskId, PDF, 'bao-cao-nam.pdf');
    const url = `/api/plans/${planId}/annual-cycles/${year}/reports`;

    const foreign = await uploaded('partner', taskId, PDF, 'phoi-hop.pdf');
    const refused = await stack.request('POST', url, { token: tokens.lead, body: { summary: 'Báo cáo năm', tasks: [{ taskId, percent: 30, attachmentIds: [foreign.id] }] } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].field).toBe('tasks.0.attachmentIds.0');

    const res = await stack.request('POST', url, { token: tokens.lead, body: { summary: 'Báo cáo năm', tasks: [{ taskId, percent: 30, note: 'Đang triển khai', attachmentIds: [evidence.id] }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.notApplied).toEqual([]);
    const [report] = await stack.database.db.select().from(agencyReports).where(and(eq(agencyReports.planId, planId), eq(agencyReports.year, year)));
    expect(report!.items).toEqual([{ taskId, percent: 30, note: 'Đang triển khai', attachments: [{ id: evidence.id, fileName: 'bao-cao-nam.pdf', contentType: 'application/pdf', size: PDF.length }] }]);
    const progress = (await eventsOf(taskId)).find((e) => e.type === 'progress_reported')!;
    expect(progress.data).toMatchObject({ percent: 30, via: 'report', attachments: [{ id: evidence.id }] });

    // The task's list names both: the annual report, and the progress it recorded on the task.
    const list = (await stack.request('GET', `/api/tasks/${taskId}/attachments`, { token: tokens.coordinator })).body.items as { id: string; citedBy: { seq: number | null; type: string }[] }[];
    expect(list.find((a) => a.id === evidence.id)!.citedBy).toEqual([{ seq: progress.seq, type: 'progress_reported' }, { seq: null, type: 'annual_report' }]);

    // Cited by the annual report: it stays, even for the coordinator.
    const kept = await remove('coordinator', evidence.id);
    expect(kept.status).toBe(409);
    expect(kept.body.error.message).toContain('bao-cao-nam.pdf');
  });
});

const remove = (who: keyof typeof tokens, id: string, via = stack.request) => via('DELETE', `/api/attachments/${id}`, { token: tokens[who] });
const listed = async (taskId: string) => ((await stack.request('GET', `/api/tasks/${taskId}/attachments`, { token: tokens.coordinator })).body.items as { id: string }[]).map((a) => a.id);

describe('withdrawing a file uploaded by mistake', () => {
  it('its agency or the coordinator deletes it while nothing cites it; the bytes go, the admin audit log keeps what it was', async () => {
    const taskId = await newTask();
    const wrong = await uploaded('lead', taskId, PNG, 'nham-tep.png');
    const partners = await uploaded('partner', taskId, PDF, 'cua-so-tai-chinh.pdf');
    const byCoordinator = await uploaded('lead', taskId, PDF, 'ban-nhap.pdf');

    // Another agency's file, a stranger, leadership: refused, and nothing is gone.
    expect((await remove('lead', partners.id)).status).toBe(403);
    expect((await remove('other', wrong.id)).status).toBe(403);
    expect((await remove('viewer', wrong.id)).status).toBe(403);
    expect(await listed(taskId)).toEqual(expect.arrayContaining([wrong.id, partners.id, byCoordinator.id]));

    const gone = await remove('lead', wrong.id);
    expect(gone.status, JSON.stringify(gone.body)).toBe(204);
    expect((await remove('coordinator', byCoordinator.id)).status).toBe(204);
    expect(await listed(taskId)).toEqual([partners.id]);
    expect((await download('lead', wrong.id)).res.status).toBe(404);
    expect(await stack.database.db.select().from(attachmentContents).where(eq(attachmentContents.attachmentId, wrong.id))).toEqual([]);
    expect((await remove('lead', wrong.id)).status).toBe(404);

    const [entry] = await stack.database.db.select().from(auditLog).where(eq(auditLog.targetId, wrong.id));
    expect(entry).toMatchObject({ action: 'attachment.delete', targetType: 'attachment', targetLabel: 'nham-tep.png', actorName: 'Nguyễn Thị Văn thư', actorRole: 'agency' });
    expect(entry!.before).toMatchObject({ taskId, fileName: 'nham-tep.png', contentType: 'image/png', size: PNG.length, sha256: sha256(PNG), agencyCode: 'STTTT' });
    const admin = await stack.user({ role: 'admin', name: 'Quản trị hệ thống' });
    const log = await stack.request('GET', '/api/audit-log?action=attachment', { token: admin });
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(log.body.items.map((i: { targetId: string }) => i.targetId)).toEqual(expect.arrayContaining([wrong.id, byCoordinator.id]));
  });

  it('a file a report cites stays with what was reported', async () => {
    const taskId = await newTask();
    const photo = await uploaded('lead', taskId, PNG, 'anh-hien-truong.png');
    const figures = await uploaded('partner', taskId, await xlsx(), 'so-lieu.xlsx');
    await act('lead', taskId, 'acknowledge');
    expect((await act('lead', taskId, 'progress', { percent: 40, attachmentIds: [photo.id] })).status).toBe(200);
    expect((await act('partner', taskId, 'contributions', { note: 'Số liệu kinh phí', attachmentIds: [figures.id] })).status).toBe(201);

    for (const [who, file] of [['lead', photo], ['partner', figures], ['coordinator', photo]] as const) {
      const refused = await remove(who, file.id);
      expect(refused.status, who).toBe(409);
      expect(refused.body.error.details).toEqual([{ field: 'id', message: 'tệp đã được dẫn chứng' }]);
    }
    expect(await listed(taskId)).toEqual(expect.arrayContaining([photo.id, figures.id]));
    expect((await download('lead', photo.id)).res.status).toBe(200);
  });

  it('from ATTACHMENTS_DIR, the file on disk goes too', async () => {
    const taskId = await newTask();
    const file = await uploaded('lead', taskId, PDF, 'trung-lap.pdf', dirApp);
    const onDisk = path.join(STORE_DIR, taskId, file.id);
    expect(existsSync(onDisk)).toBe(true);
    expect((await remove('lead', file.id, dirApp)).status).toBe(204);
    expect(existsSync(onDisk)).toBe(false);
    expect(await storedRows(taskId)).toEqual([]);
  });
});
