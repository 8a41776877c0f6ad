/**
 * Evidence files (minh chứng): upload, listing, download, and the check that a report cites only files
 * its agency uploaded to the same task. A file's type is read from its bytes (file-type), never from its
 * name or the type the browser claims; its bytes go to Postgres, or to ATTACHMENTS_DIR when set.
 */
import { createHash, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'express';
import multer from 'multer';
import { fileTypeFromBuffer } from 'file-type';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { agencyReports, attachmentContents, attachments, taskEvents, type AttachmentRow } from '../../db/schema';
import { ATTACHMENT_TYPE_LABELS, ATTACHMENT_TYPES, isAttachmentType, safeFileName, type EvidenceFile } from '../../domain/attachments';
import type { Db, Tx } from '../../db/client';
import type { Config } from '../../runtime/config';
import type { AppDeps, AuthUser } from '../context';
import { badRequest, conflict, forbidden, HttpError, notFound, unavailable, unprocessable, type ErrorDetail } from '../errors';
import { actorOf, recordAudit } from './audit';
import { visibleTask } from './tasks';

const MB = 1024 * 1024;

export const maxAttachmentBytes = (config: Pick<Config, 'ATTACHMENT_MAX_MB'>) => Math.floor(config.ATTACHMENT_MAX_MB * MB);

const tooLarge = (config: Pick<Config, 'ATTACHMENT_MAX_MB'>) =>
  new HttpError(413, 'payload_too_large', `Tệp vượt quá giới hạn ${config.ATTACHMENT_MAX_MB.toLocaleString('vi-VN')} MB.`, [
    { field: 'file', message: `tối đa ${config.ATTACHMENT_MAX_MB.toLocaleString('vi-VN')} MB` },
  ]);

/** The multipart field `file`, read into memory up to the configured size (multer stops reading past it). */
export async function readUpload(req: Request, res: Response, config: Pick<Config, 'ATTACHMENT_MAX_MB'>): Promise<{ data: Buffer; name: string }> {
  // Browsers send the file name in UTF-8 without saying so; busboy would read it as Latin-1.
  const upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: maxAttachmentBytes(config), files: 1, fields: 2, parts: 3 } }).single('file');
  try {
    await new Promise<void>((resolve, reject) => upload(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
  } catch (err) {
    if ((err as { code?: string }).code === 'LIMIT_FILE_SIZE') throw tooLarge(config);
    if ((err as Error).name === 'MulterError') throw err;
    // busboy could not read the body ("Malformed part header", "Unexpected end of form"): the client's fault.
    throw badRequest('Nội dung multipart/form-data không đọc được.', [{ field: 'file', message: (err as Error).message }]);
  }
  if (!req.file) throw unprocessable('Không có tệp nào được gửi lên.', [{ field: 'file', message: 'gửi tệp trong trường "file" (multipart/form-data)' }]);
  if (req.file.size === 0) throw unprocessable('Tệp rỗng.', [{ field: 'file', message: 'tệp không có nội dung' }]);
  return { data: req.file.buffer, name: req.file.originalname };
}

// ---- storage ----

/** Where an attachment's bytes are kept; the row says which, so a store can change without losing files. */
function dirPath(config: Pick<Config, 'attachmentsDir'>, key: string): string {
  if (!config.attachmentsDir) throw unavailable('Tệp được lưu trong thư mục nhưng ATTACHMENTS_DIR chưa được cấu hình.');
  return path.join(config.attachmentsDir, key);
}

/** Written under a temporary name and renamed: a reader never sees half a file. */
async function writeToDir(config: Pick<Config, 'attachmentsDir'>, key: string, data: Buffer): Promise<void> {
  const target = dirPath(config, key);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomUUID()}.part`;
  await writeFile(temporary, data, { flag: 'wx' });
  await rename(temporary, target);
}

async function readBytes(deps: AppDeps, row: AttachmentRow): Promise<Buffer> {
  if (row.storage === 'dir') return readFile(dirPath(deps.config, row.storageKey!));
  const [content] = await deps.database.db.select({ data: attachmentContents.data }).from(attachmentContents).where(eq(attachmentContents.attachmentId, row.id));
  if (!content) throw new HttpError(500, 'attachment_missing', 'Không tìm thấy nội dung tệp.');
  return content.data;
}

// ---- virus scan ----

/** `clamdscan --no-summary -` → the program and its arguments (quotes group words). */
function commandLine(command: string): [string, string[]] {
  const words = (command.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^(["'])(.*)\1$/, '$2'));
  return [words[0]!, words.slice(1)];
}

const SCAN_TIMEOUT_MS = 120_000;

/**
 * Run ATTACHMENT_SCAN_COMMAND with the file on its standard input. ClamAV's convention: 0 clean, 1 a
 * virus found; anything else (not installed, daemon down, timeout) refuses the upload for now.
 */
async function scan(command: string, data: Buffer): Promise<{ verdict: 'clean' | 'infected' | 'error'; output: string }> {
  const [program, args] = commandLine(command);
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const done = (verdict: 'clean' | 'infected' | 'error') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ verdict, output: output.trim().slice(0, 500) });
    };
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done('error');
    }, SCAN_TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      if (output.length < 4000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (err) => {
      output += err.message;
      done('error');
    });
    // A scanner that stops reading early (it found something) closes the pipe: not our error.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => done(code === 0 ? 'clean' : code === 1 ? 'infected' : 'error'));
    child.stdin.end(data);
  });
}

// ---- views ----

export interface AttachmentView {
  id: string;
  taskId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: { userId: string | null; name: string; role: string; agencyCode: string | null };
  createdAt: string;
  /** The reports and comments that cite it: the event's number and type; an annual report is `{ seq: null, type: 'annual_report' }`. */
  citedBy: { seq: number | null; type: string }[];
}

function attachmentView(row: AttachmentRow, citedBy: AttachmentView['citedBy'] = []): AttachmentView {
  return {
    id: row.id,
    taskId: row.taskId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: { userId: row.uploadedByUserId, name: row.uploadedByName, role: row.uploadedByRole, agencyCode: row.agencyCode },
    createdAt: row.createdAt.toISOString(),
    citedBy,
  };
}

export const evidenceOf = (row: Pick<AttachmentRow, 'id' | 'fileName' | 'contentType' | 'size'>): EvidenceFile => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
});

// ---- operations ----

/**
 * Keep an uploaded file for a task the caller works on (its lead or coordinating agency, or the
 * coordinator): the type from its bytes, the virus scan when configured, then the bytes and the row.
 */
export async function uploadAttachment(deps: AppDeps, user: AuthUser, taskId: string, file: { data: Buffer; name: string }): Promise<AttachmentView> {
  await visibleTask(deps, user, taskId);
  const detected = await fileTypeFromBuffer(file.data);
  if (!isAttachmentType(detected?.mime)) {
    const what = detected ? `nội dung là tệp ${detected.ext.toUpperCase()}` : 'không nhận ra loại tệp từ nội dung';
    throw unprocessable(`Chỉ nhận tệp ${ATTACHMENT_TYPE_LABELS} (kiểm tra theo nội dung tệp, không theo tên).`, [
      { field: 'file', message: `${what}; chỉ nhận ${ATTACHMENT_TYPE_LABELS}` },
    ]);
  }
  const contentType = detected.mime;
  if (deps.config.ATTACHMENT_SCAN_COMMAND) {
    const result = await scan(deps.config.ATTACHMENT_SCAN_COMMAND, file.data);
    if (result.verdict === 'infected') {
      deps.logger.warn({ taskId, userId: user.id, scanner: result.output }, 'upload refused by the virus scanner');
      throw unprocessable('Tệp bị phần mềm diệt virus từ chối.', [{ field: 'file', message: 'phát hiện mã độc' }]);
    }
    if (result.verdict === 'error') {
      deps.logger.error({ taskId, scanner: result.output }, 'virus scanner failed');
      throw unavailable('Chưa quét được virus cho tệp; xin thử lại sau.');
    }
  }

  const id = randomUUID();
  const row = {
    id,
    taskId,
    fileName: safeFileName(file.name, contentType),
    contentType,
    size: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    uploadedByUserId: user.id,
    uploadedByName: user.name,
    uploadedByRole: user.role,
    agencyCode: user.agencyCode,
  };
  const { db } = deps.database;
  if (deps.config.attachmentsDir) {
    // One folder per task; the name is the attachment's id, never anything the user typed.
    const storageKey = `${taskId}/${id}`;
    await writeToDir(deps.config, storageKey, file.data);
    try {
      const [inserted] = await db.insert(attachments).values({ ...row, storage: 'dir', storageKey }).returning();
      return attachmentView(inserted!);
    } catch (err) {
      await rm(dirPath(deps.config, storageKey), { force: true });
      throw err;
    }
  }
  const inserted = await db.transaction(async (tx) => {
    const [r] = await tx.insert(attachments).values({ ...row, storage: 'db', storageKey: null }).returning();
    await tx.insert(attachmentContents).values({ attachmentId: id, data: file.data });
    return r!;
  });
  return attachmentView(inserted);
}

/**
 * What cites each file of a task: the events of its audit trail (reports, comments), and the agencies'
 * annual reports — an annual report on a task already closed records no event, yet carries the file.
 */
async function citationsOf(db: Db | Tx, taskId: string): Promise<Map<string, AttachmentView['citedBy']>> {
  const events = await db
    .select({ seq: taskEvents.seq, type: taskEvents.type, data: taskEvents.data })
    .from(taskEvents)
    .where(and(eq(taskEvents.taskId, taskId), sql`${taskEvents.data} ? 'attachments'`))
    .orderBy(asc(taskEvents.seq));
  const reports = await db
    .select({ items: agencyReports.items })
    .from(agencyReports)
    .where(sql`${agencyReports.items} @> ${JSON.stringify([{ taskId }])}::jsonb`)
    .orderBy(asc(agencyReports.submittedAt));
  const cited = new Map<string, AttachmentView['citedBy']>();
  const cite = (files: EvidenceFile[] | undefined, by: AttachmentView['citedBy'][number]) => {
    for (const f of files ?? []) cited.set(f.id, [...(cited.get(f.id) ?? []), by]);
  };
  for (const e of events) cite(e.data?.attachments as EvidenceFile[] | undefined, { seq: e.seq, type: e.type });
  for (const r of reports) for (const item of r.items) if (item.taskId === taskId) cite(item.attachments, { seq: null, type: 'annual_report' });
  return cited;
}

/** A task's attachments, oldest first, each with the reports and comments that cite it. */
export async function listAttachments(deps: AppDeps, user: AuthUser, taskId: string): Promise<AttachmentView[]> {
  await visibleTask(deps, user, taskId);
  const { db } = deps.database;
  const [rows, cited] = await Promise.all([
    db.select().from(attachments).where(eq(attachments.taskId, taskId)).orderBy(asc(attachments.createdAt), asc(attachments.id)),
    citationsOf(db, taskId),
  ]);
  return rows.map((r) => attachmentView(r, cited.get(r.id)));
}

/** The file, for someone who may see its task. */
export async function attachmentFile(deps: AppDeps, user: AuthUser, id: string): Promise<{ row: AttachmentRow; data: Buffer }> {
  const [row] = await deps.database.db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw notFound('tệp đính kèm');
  await visibleTask(deps, user, row.taskId);
  const data = await readBytes(deps, row);
  // The bytes are served only as they were received: a file changed on disk is not passed on.
  if (createHash('sha256').update(data).digest('hex') !== row.sha256) {
    deps.logger.error({ attachmentId: id, storage: row.storage }, 'attachment content does not match its SHA-256');
    throw new HttpError(500, 'attachment_corrupt', 'Nội dung tệp không còn khớp với bản đã tải lên.');
  }
  return { row, data };
}

/**
 * Withdraw a file uploaded by mistake — by its uploader's agency or the coordinator — while nothing cites
 * it. A file a report, a comment or an annual report cites stays: it is part of what was reported (409).
 * The row is locked first, so two withdrawals cannot both pass. The admin audit log keeps what it was.
 * Kept in Postgres, the bytes go with the row; under ATTACHMENTS_DIR, right after the commit (a file
 * left behind by a crash there is never served: nothing names it any more).
 */
export async function deleteAttachment(deps: AppDeps, user: AuthUser, id: string): Promise<void> {
  const { db } = deps.database;
  const row = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(attachments).where(eq(attachments.id, id)).for('update');
    if (!row) throw notFound('tệp đính kèm');
    await visibleTask(deps, user, row.taskId);
    if (user.role !== 'coordinator' && row.agencyCode !== user.agencyCode) throw forbidden('Chỉ đơn vị đã tải tệp lên hoặc cơ quan điều phối mới xoá được tệp này.');
    if ((await citationsOf(tx, row.taskId)).has(id)) {
      throw conflict(`Tệp "${row.fileName}" đã được gửi kèm một báo cáo hoặc ý kiến, nên được giữ lại trong hồ sơ.`, [{ field: 'id', message: 'tệp đã được dẫn chứng' }]);
    }
    await tx.delete(attachments).where(eq(attachments.id, id));
    await recordAudit(tx, actorOf(user), {
      action: 'attachment.delete',
      targetType: 'attachment',
      targetId: id,
      targetLabel: row.fileName,
      before: { taskId: row.taskId, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256, uploadedBy: row.uploadedByName, agencyCode: row.agencyCode },
    });
    return row;
  });
  if (row.storage === 'dir' && row.storageKey) {
    await rm(dirPath(deps.config, row.storageKey), { force: true }).catch((err: Error) => deps.logger.warn({ attachmentId: id, err }, 'withdrawn attachment left on disk'));
  }
}

/** One report's or comment's files, as it names them by id, with the request field they came from. */
export interface EvidenceRequest {
  taskId: string;
  ids: string[] | undefined;
  field: string;
}

/**
 * The files each request cites, checked: uploaded to that task, by the caller's own agency (a report
 * vouches for its own evidence). Every problem is reported at once, each naming its field.
 */
export async function resolveEvidence(deps: AppDeps, user: AuthUser, requests: EvidenceRequest[]): Promise<(EvidenceFile[] | undefined)[]> {
  const ids = [...new Set(requests.flatMap((r) => r.ids ?? []))];
  const rows = ids.length ? await deps.database.db.select().from(attachments).where(inArray(attachments.id, ids)) : [];
  const problems: ErrorDetail[] = [];
  const resolved = requests.map((r) => {
    if (!r.ids?.length) return undefined;
    if (new Set(r.ids).size !== r.ids.length) problems.push({ field: r.field, message: 'có tệp lặp lại' });
    return r.ids.map((id, i) => {
      const row = rows.find((x) => x.id === id);
      if (!row || row.taskId !== r.taskId) problems.push({ field: `${r.field}.${i}`, message: 'không phải tệp đã tải lên cho nhiệm vụ này' });
      else if (row.agencyCode !== user.agencyCode) problems.push({ field: `${r.field}.${i}`, message: `tệp "${row.fileName}" do đơn vị khác tải lên` });
      return row && evidenceOf(row);
    });
  });
  if (problems.length) throw unprocessable('Tệp minh chứng không hợp lệ.', problems);
  return resolved as (EvidenceFile[] | undefined)[];
}

/** The files one task command cites: the task must be the caller's to see before its files are looked at. */
export async function commandEvidence(deps: AppDeps, user: AuthUser, taskId: string, ids: string[] | undefined): Promise<EvidenceFile[] | undefined> {
  if (!ids?.length) return undefined;
  await visibleTask(deps, user, taskId);
  const [files] = await resolveEvidence(deps, user, [{ taskId, ids, field: 'attachmentIds' }]);
  return files;
}

/** Extensions accepted, for the upload field's `accept` and the docs. */
export const ACCEPTED_EXTENSIONS = Object.values(ATTACHMENT_TYPES).flatMap((t) => t.extensions.map((e) => `.${e}`));
