import path from 'node:path';
import express from 'express';
import multer from 'multer';
import { z } from 'zod';
import { idParam, route } from '../route';
import { queryBoolean } from '../schemas';
import { BODY_LIMIT } from '../app-limits';
import { unprocessable } from '../errors';
import { commitImport, dryRunImport, importJob } from '../services/plan-import';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Raw bodies read as a file; what the file is, its content decides (a mislabelled one still reads). */
const SPREADSHEET_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  DOCX_TYPE,
  'application/msword',
];

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } }).single('file');
const raw = express.raw({ type: SPREADSHEET_TYPES, limit: BODY_LIMIT });

/** The uploaded file, from a multipart field `file` or a raw body; its name without any path. */
function uploadedFile(req: express.Request): { data: Uint8Array; fileName?: string; contentType?: string } {
  if (req.file) return { data: req.file.buffer, fileName: path.basename(req.file.originalname.replaceAll('\\', '/')), contentType: req.file.mimetype };
  if (Buffer.isBuffer(req.body) && req.body.length > 0) {
    const name = req.get('x-file-name');
    return { data: req.body, fileName: name ? path.basename(name.replaceAll('\\', '/')) : undefined, contentType: req.get('content-type') };
  }
  throw unprocessable('Không có tệp nào được gửi lên.', [{ field: 'file', message: 'gửi tệp CSV, XLSX hoặc DOCX trong trường "file" (multipart) hoặc làm nội dung yêu cầu' }]);
}

const jobSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  fileName: z.string(),
  sheetName: z.string(),
  status: z.enum(['starting', 'started', 'failed']),
  rowCount: z.number(),
  taskCount: z.number(),
  startedCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const importRoutes = [
  route({
    method: 'post',
    path: '/api/plans/:id/import',
    tag: 'import',
    summary:
      'Import a plan appendix (CSV, XLSX, or the tables of a Word DOCX): ?dryRun=true previews every row and problem and lists the worksheets/tables (`sheets`); ?sheet= picks one by name; otherwise commits all or nothing',
    auth: ['coordinator'],
    params: idParam,
    query: z.object({
      dryRun: queryBoolean.default(false),
      sheet: z
        .string({ message: 'phải là tên trang tính hoặc bảng' })
        .trim()
        .min(1, 'không được để trống')
        .max(200, 'tối đa 200 ký tự')
        .optional()
        .describe('The worksheet (XLSX) or table ("Bảng 2", DOCX) to read, by its name in the preview\'s `sheets`; by default the first whose header has a title and a lead column'),
    }),
    middleware: [upload, raw],
    bodyContent: {
      'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      [DOCX_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
    responses: {
      200: { description: 'Dry run: the preview; or the same file was already imported (alreadyImported: true)' },
      202: { description: 'Committed; the task workflows are starting (follow the job)' },
      413: { description: 'File over 10 MB' },
    },
    async handler({ deps, user, req, params, query }) {
      const file = uploadedFile(req);
      const options = query.sheet === undefined ? {} : { sheet: query.sheet };
      if (query.dryRun) return { body: await dryRunImport(deps, params.id, file, options) };
      const result = await commitImport(deps, user, params.id, file, options);
      return { status: result.alreadyImported ? 200 : 202, body: result };
    },
  }),
  route({
    method: 'get',
    path: '/api/plans/:id/imports/:jobId',
    tag: 'import',
    summary: 'Progress of a committed import: how many task workflows have started',
    auth: ['coordinator'],
    params: idParam.extend({ jobId: z.uuid({ message: 'phải là mã UUID' }) }),
    responses: { 200: { description: 'The job', schema: jobSchema } },
    async handler({ deps, params }) {
      return { body: await importJob(deps, params.id, params.jobId) };
    },
  }),
];
