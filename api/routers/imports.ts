import path from 'node:path';
import express from 'express';
import multer from 'multer';
import { z } from 'zod';
import { idParam, route } from '../route';
import { queryBoolean } from '../schemas';
import { BODY_LIMIT } from '../app-limits';
import { unprocessable, zodDetails } from '../errors';
import { IMPORT_FIELDS } from '../../domain/import/types';
import { addImportedName, agencySchema, getAgency, importedNameBody } from '../services/agency-directory';
import { actorOf, recordAudit } from '../services/audit';
import { commitOutcomeShape, importDryRunSchema } from '../services/import-schemas';
import { commitImport, dryRunImport, importJob, openPlan, type ImportChoices, type UploadedFile } from '../services/plan-import';

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
function uploadedFile(req: express.Request): UploadedFile {
  if (req.file) return { data: req.file.buffer, fileName: path.basename(req.file.originalname.replaceAll('\\', '/')), contentType: req.file.mimetype };
  if (Buffer.isBuffer(req.body) && req.body.length > 0) {
    const name = req.get('x-file-name');
    return { data: req.body, fileName: name ? path.basename(name.replaceAll('\\', '/')) : undefined, contentType: req.get('content-type') };
  }
  throw unprocessable('Không có tệp nào được gửi lên.', [{ field: 'file', message: 'gửi tệp CSV, XLSX hoặc DOCX trong trường "file" (multipart) hoặc làm nội dung yêu cầu' }]);
}

const choicesSchema = z
  .object({
    mapping: z
      .record(
        z.string().regex(/^[A-Z]{1,3}$/, 'khóa phải là chữ cái của cột: A, B, …'),
        z.enum([...IMPORT_FIELDS, 'ignore'], { message: `phải là một trong: ${[...IMPORT_FIELDS, 'ignore'].join(', ')}` }),
      )
      .optional(),
    cancelRemoved: z.array(z.uuid({ message: 'phải là mã UUID' })).max(5000, 'tối đa 5000 nhiệm vụ').optional(),
  })
  .strict();

/** The wizard's choices: a JSON text in the multipart field `options` (column mapping, removals to cancel). */
function importChoices(req: express.Request): ImportChoices {
  const raw: unknown = Buffer.isBuffer(req.body) ? undefined : (req.body as Record<string, unknown> | undefined)?.options;
  if (raw === undefined || raw === '') return {};
  let json: unknown;
  try {
    json = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    json = undefined;
  }
  if (json === undefined) throw unprocessable('Tham số options không phải JSON hợp lệ.', [{ field: 'options', message: 'phải là một đối tượng JSON' }]);
  const parsed = choicesSchema.safeParse(json);
  if (!parsed.success) throw unprocessable('Tham số options không hợp lệ.', zodDetails(parsed.error, 'options'));
  return parsed.data;
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
  changeCount: z.number(),
  appliedCount: z.number(),
  refusedCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const importRoutes = [
  route({
    method: 'post',
    path: '/api/plans/:id/import',
    tag: 'import',
    summary:
      'Import a plan appendix (CSV, XLSX, or the tables of a Word DOCX): ?dryRun=true previews every row, problem and column mapping, lists the worksheets/tables (`sheets`) and, for a plan imported before, the changes (`diff`); ?sheet= picks a worksheet or table by name; otherwise commits all or nothing. The multipart field `options` (JSON) carries {mapping: {C: "lead"}, cancelRemoved: [taskId]}',
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
        .describe('The worksheet (XLSX) or table ("Bảng 2", DOCX) to read, by its name in the preview\'s `sheets`; by default the first whose columns hold a title and a lead'),
    }),
    middleware: [upload, raw],
    bodyContent: {
      'multipart/form-data': {
        schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, options: { type: 'string', description: 'JSON: {"mapping": {"C": "lead"}, "cancelRemoved": ["<task id>"]}' } }, required: ['file'] },
      },
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      [DOCX_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
    responses: {
      200: {
        description: 'Dry run: the preview (with `diff` when the plan has imported tasks); or the file changes nothing that is imported already (alreadyImported: true)',
        schema: z.union([importDryRunSchema, z.object({ alreadyImported: z.literal(true), ...commitOutcomeShape })]),
      },
      202: { description: 'Committed; the task workflows are starting (follow the job)', schema: z.object({ alreadyImported: z.literal(false), job: jobSchema, ...commitOutcomeShape }) },
      413: { description: 'File over 10 MB' },
    },
    async handler({ deps, user, req, params, query }) {
      const file = uploadedFile(req);
      const choices = { ...importChoices(req), ...(query.sheet === undefined ? {} : { sheet: query.sheet }) };
      if (query.dryRun) return { body: await dryRunImport(deps, params.id, file, choices) };
      const result = await commitImport(deps, user, params.id, file, choices);
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
  route({
    method: 'post',
    path: '/api/plans/:id/import/agency-names',
    tag: 'import',
    summary: 'Resolve a name the appendix uses that the directory does not know: an alias of an existing agency, or a new agency; later imports know it',
    auth: ['coordinator'],
    params: idParam,
    body: importedNameBody,
    responses: {
      200: { description: 'The name is now an alias of this agency', schema: z.object({ created: z.literal(false), agency: agencySchema }) },
      201: { description: 'A new agency with this name', schema: z.object({ created: z.literal(true), agency: agencySchema }) },
      404: { description: 'Unknown plan or agency' },
      409: { description: 'The name, or the new code, is already another agency\'s' },
    },
    async handler({ deps, params, body, user }) {
      await openPlan(deps.database.db, params.id);
      const result = await deps.database.db.transaction(async (tx) => {
        const before = body.agencyCode ? await getAgency(tx, body.agencyCode) : undefined;
        const done = await addImportedName(tx, body);
        const { agency } = done;
        const context = { name: body.text, planId: params.id };
        if (done.created) {
          await recordAudit(tx, actorOf(user), { action: 'agency.create', targetType: 'agency', targetId: agency.code, targetLabel: agency.name, after: { ...agency, importedName: context } });
        } else if (before && before.aliases.length !== agency.aliases.length) {
          await recordAudit(tx, actorOf(user), { action: 'agency.alias', targetType: 'agency', targetId: agency.code, targetLabel: agency.name, before: { aliases: before.aliases }, after: { aliases: agency.aliases, importedName: context } });
        }
        return done;
      });
      return { status: result.created ? 201 : 200, body: result };
    },
  }),
];
