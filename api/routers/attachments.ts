import { z } from 'zod';
import { ATTACHMENT_TYPE_LABELS } from '../../domain/attachments';
import { idParam, route } from '../route';
import { attachmentFile, deleteAttachment, listAttachments, readUpload, uploadAttachment } from '../services/attachments';

const attachmentSchema = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ userId: z.string().nullable(), name: z.string(), role: z.string(), agencyCode: z.string().nullable() }),
  createdAt: z.string(),
  citedBy: z.array(z.object({ seq: z.number().int().nullable().describe('null: an annual report'), type: z.string() })),
});

export const attachmentRoutes = [
  route({
    method: 'post',
    path: '/api/tasks/:id/attachments',
    tag: 'attachments',
    summary: `Upload an evidence file (minh chứng) to a task: ${ATTACHMENT_TYPE_LABELS}, the type checked by content, up to ATTACHMENT_MAX_MB (20 MB by default). Cite it by id in a progress report, completion, contribution, comment or annual report`,
    auth: ['coordinator', 'agency'],
    agencyScope: 'own-agency',
    params: idParam,
    bodyContent: {
      'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
    },
    responses: {
      201: { description: 'Kept', schema: attachmentSchema },
      413: { description: 'Over the size limit' },
      422: { description: 'No file, or not one of the accepted types by its content, or refused by the virus scanner' },
    },
    async handler({ deps, user, req, res, params }) {
      const file = await readUpload(req, res, deps.config);
      return { status: 201, body: await uploadAttachment(deps, user, params.id, file) };
    },
  }),
  route({
    method: 'get',
    path: '/api/tasks/:id/attachments',
    tag: 'attachments',
    summary: "A task's evidence files, oldest first, each with the reports and comments that cite it",
    auth: ['coordinator', 'viewer', 'agency'],
    agencyScope: 'own-agency',
    params: idParam,
    responses: { 200: { description: 'The files, and the size limit of an upload (MB)', schema: z.object({ items: z.array(attachmentSchema), maxMB: z.number() }) } },
    async handler({ deps, user, params }) {
      return { body: { items: await listAttachments(deps, user, params.id), maxMB: deps.config.ATTACHMENT_MAX_MB } };
    },
  }),
  route({
    method: 'get',
    path: '/api/attachments/:id',
    tag: 'attachments',
    summary: 'Download an evidence file, for whoever may see its task (as an attachment, never rendered inline)',
    auth: ['coordinator', 'viewer', 'agency'],
    agencyScope: 'own-agency',
    params: idParam,
    responses: { 200: { description: 'The file, with the type detected at upload' }, 404: { description: 'No such file' } },
    async handler({ deps, user, res, params }) {
      const { row, data } = await attachmentFile(deps, user, params.id);
      // A download, never a page: the browser must neither guess the type nor run anything in it.
      res.attachment(row.fileName);
      res.set({
        'Content-Type': row.contentType,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
        ETag: `"${row.sha256}"`,
      });
      res.send(data);
    },
  }),
  route({
    method: 'delete',
    path: '/api/attachments/:id',
    tag: 'attachments',
    summary: "Withdraw an evidence file uploaded by mistake while no report, comment or annual report cites it: its uploader's agency or the coordinator. Recorded in the admin audit log",
    auth: ['coordinator', 'agency'],
    agencyScope: 'own-agency',
    params: idParam,
    responses: {
      204: { description: 'Deleted' },
      403: { description: "Another agency's file, or a task the caller does not work on" },
      404: { description: 'No such file' },
      409: { description: 'A report or comment cites it: it stays with what was reported' },
    },
    async handler({ deps, user, res, params }) {
      await deleteAttachment(deps, user, params.id);
      res.status(204).end();
    },
  }),
];
