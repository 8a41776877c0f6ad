import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LANGUAGES, ROLES, TASK_KINDS } from '../../domain/vocabulary';
import { TASK_STATUSES } from '../../domain/task-status';
import {
  acceptCompletionUpdate,
  acknowledgeTaskUpdate,
  addContributionUpdate,
  cancelTaskUpdate,
  commentTaskUpdate,
  decideExtensionUpdate,
  editTaskUpdate,
  reassignTaskUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnCompletionUpdate,
  submitCompletionUpdate,
} from '../../workflows/messages';
import { idParam, route } from '../route';
import { agencyCode, fundingSchema, isoDate, note, pageLimit, queryBoolean, requiredText } from '../schemas';
import { actorOf, assertLeadAgency, commentCommand, createTask, listTasks, resolveAgencyCodes, runTaskCommand, taskDetail } from '../services/tasks';
import { commandEvidence } from '../services/attachments';
import { MAX_EVIDENCE_PER_COMMAND } from '../../domain/attachments';
import { COMMENT_MAX_LENGTH, MAX_MENTIONS } from '../../domain/comments';
import { taskViewSchema } from '../../db/read-model/task-view';
import { taskReminders } from '../services/reminders';
import { exportTasks, EXPORT_LIMIT } from '../services/task-export';

const READERS = ['coordinator', 'viewer', 'agency'] as const;

const newTaskBody = z
  .object({
    title: requiredText(1000),
    leadAgency: agencyCode,
    coordinatingAgencies: z.array(agencyCode).max(200).default([]),
    startDate: isoDate.optional(),
    dueDate: isoDate,
    kind: z.enum(TASK_KINDS, { message: `phải là một trong: ${TASK_KINDS.join(', ')}` }).default('new'),
    funding: fundingSchema.optional(),
    section: z.string().trim().max(500).optional(),
    number: z.string().trim().max(20).optional(),
    description: note.optional(),
    note: note.optional(),
  })
  .refine((t) => !t.startDate || t.dueDate >= t.startDate, { path: ['dueDate'], message: 'không được trước ngày bắt đầu' });

const taskDetailSchema = taskViewSchema.extend({
  children: z.array(taskViewSchema),
  events: z.array(
    z.object({
      seq: z.number().int(),
      type: z.string(),
      fromStatus: z.enum(TASK_STATUSES).nullable(),
      toStatus: z.enum(TASK_STATUSES).nullable(),
      actor: z.object({ userId: z.string().nullable(), name: z.string().nullable(), role: z.enum([...ROLES, 'system']).nullable(), agencyCode: z.string().nullable() }),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
      at: z.string(),
    }),
  ),
});

const listQuery = z.object({
  plan: z.uuid({ message: 'phải là mã kế hoạch (UUID)' }).optional(),
  status: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(TASK_STATUSES, { message: `mỗi trạng thái phải là một trong: ${TASK_STATUSES.join(', ')}` })))
    .optional(),
  agency: z.string().trim().min(1).max(100).optional(),
  overdue: queryBoolean.optional(),
  dueSoon: queryBoolean.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  parent: z.uuid().optional(),
  limit: pageLimit,
  cursor: z.string().max(500).optional(),
});

/** The list's filters, without paging: an export holds every matching task. The sheet's language defaults to the user's. */
const exportQuery = listQuery.omit({ limit: true, cursor: true }).extend({ lang: z.enum(LANGUAGES, { message: 'phải là vi hoặc en' }).optional() });

const taskReply = { 200: { description: 'The task after the command', schema: taskViewSchema } };

/** Evidence files a report cites: uploaded first (POST /api/tasks/:id/attachments) by the same agency. */
const attachmentIds = z
  .array(z.uuid({ message: 'phải là mã tệp đã tải lên (UUID)' }), { message: 'phải là danh sách mã tệp' })
  .max(MAX_EVIDENCE_PER_COMMAND, `tối đa ${MAX_EVIDENCE_PER_COMMAND} tệp`)
  .optional()
  .describe('ids of evidence files uploaded to this task by the same agency');

/** The command's arguments with its evidence resolved: only a command that cites files carries the key. */
const withEvidence = <A extends object>(args: A, attachments: Awaited<ReturnType<typeof commandEvidence>>) => (attachments ? { ...args, attachments } : args);

export const taskRoutes = [
  route({
    method: 'post',
    path: '/api/plans/:id/tasks',
    tag: 'tasks',
    summary: 'Assign a task; a group lead fans out into one child task per member agency',
    auth: ['coordinator'],
    params: idParam,
    body: newTaskBody,
    responses: { 201: { description: 'Created, its workflow started', schema: taskDetailSchema } },
    async handler({ deps, user, params, body }) {
      return { status: 201, body: await createTask(deps, user, params.id, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/tasks',
    tag: 'tasks',
    summary: 'Tasks in due-date order, filtered; an agency sees the tasks it leads or coordinates',
    auth: READERS,
    agencyScope: 'own-agency',
    query: listQuery,
    responses: { 200: { description: 'A page', schema: z.object({ items: z.array(taskViewSchema), nextCursor: z.string().nullable() }) } },
    async handler({ deps, user, query }) {
      return { body: await listTasks(deps, user, query) };
    },
  }),
  route({
    method: 'get',
    path: '/api/tasks/export',
    tag: 'tasks',
    summary: `The task list as an XLSX workbook: every task the same filters list (up to ${EXPORT_LIMIT.toLocaleString('en')}), not a page, and a sheet with who exported it, when and how filtered`,
    auth: READERS,
    agencyScope: 'own-agency',
    query: exportQuery,
    responses: {
      200: { description: 'The workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)' },
      422: { description: 'A filter is invalid, or more tasks match than one workbook holds' },
    },
    async handler({ deps, user, res, query }) {
      const { file, fileName } = await exportTasks(deps, user, query);
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(fileName).send(file);
    },
  }),
  route({
    method: 'get',
    path: '/api/tasks/:id',
    tag: 'tasks',
    summary: 'A task with its audit trail (events) and, for a group, its children',
    auth: READERS,
    agencyScope: 'own-agency',
    params: idParam,
    responses: { 200: { description: 'The task', schema: taskDetailSchema } },
    async handler({ deps, user, params }) {
      return { body: await taskDetail(deps, user, params.id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/tasks/:id/reminders',
    tag: 'tasks',
    summary: 'Reminders and escalations of a task: planned ones, and those that fired with the fate of their mail',
    auth: READERS,
    agencyScope: 'own-agency',
    params: idParam,
    responses: {
      200: {
        description: 'Sent first (oldest first), then planned',
        schema: z.object({
          items: z.array(
            z.object({
              kind: z.string(),
              to: z.array(z.string()),
              cc: z.array(z.string()),
              at: z.string(),
              status: z.enum(['planned', 'pending', 'sent', 'failed', 'skipped']),
              reason: z.string().nullable().optional(),
              outboxId: z.string().nullable().optional(),
            }),
          ),
        }),
      },
    },
    async handler({ deps, user, params }) {
      return { body: await taskReminders(deps, user, params.id) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/tasks/:id',
    tag: 'tasks',
    summary: 'Edit a task: due date (re-plans every reminder), title, coordinating agencies',
    auth: ['coordinator'],
    params: idParam,
    body: z
      .object({ dueDate: isoDate.optional(), title: requiredText(1000).optional(), coordinatingAgencies: z.array(agencyCode).max(200).optional(), note: note.optional() })
      .refine((b) => b.dueDate !== undefined || b.title !== undefined || b.coordinatingAgencies !== undefined, { message: 'cần ít nhất một trường để sửa' }),
    responses: taskReply,
    async handler({ deps, user, params, body }) {
      const coordinatingAgencyCodes = body.coordinatingAgencies && (await resolveAgencyCodes(deps, body.coordinatingAgencies, 'coordinatingAgencies'));
      const args = { actor: actorOf(user), dueDate: body.dueDate, title: body.title, coordinatingAgencyCodes, note: body.note };
      return { body: await runTaskCommand(deps, user, params.id, editTaskUpdate, args) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/acknowledge',
    tag: 'task commands',
    summary: 'The lead agency acknowledges the task (tiếp nhận)',
    auth: ['agency'],
    agencyScope: 'lead-agency',
    params: idParam,
    responses: taskReply,
    async handler({ deps, user, params, idempotencyKey }) {
      return { body: await runTaskCommand(deps, user, params.id, acknowledgeTaskUpdate, { actor: actorOf(user) }, idempotencyKey) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/progress',
    tag: 'task commands',
    summary: 'The lead agency reports progress (a lower percentage needs a note); on a recurring task it is the report of the year owed',
    auth: ['agency'],
    agencyScope: 'lead-agency',
    params: idParam,
    body: z.object({ percent: z.number({ message: 'phải là số' }).int('phải là số nguyên').min(0, 'từ 0 đến 100').max(100, 'từ 0 đến 100'), note: note.optional(), attachmentIds }),
    responses: taskReply,
    async handler({ deps, user, params, body, idempotencyKey }) {
      const { attachmentIds: ids, ...rest } = body;
      const args = withEvidence({ actor: actorOf(user), ...rest }, await commandEvidence(deps, user, params.id, ids));
      return { body: await runTaskCommand(deps, user, params.id, reportProgressUpdate, args, idempotencyKey) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/completion',
    tag: 'task commands',
    summary: 'The lead agency submits completion for acceptance, with its evidence files',
    auth: ['agency'],
    agencyScope: 'lead-agency',
    params: idParam,
    body: z.object({ note: note.optional(), attachmentIds }),
    responses: taskReply,
    async handler({ deps, user, params, body, idempotencyKey }) {
      const args = withEvidence({ actor: actorOf(user), note: body.note }, await commandEvidence(deps, user, params.id, body.attachmentIds));
      return { body: await runTaskCommand(deps, user, params.id, submitCompletionUpdate, args, idempotencyKey) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/contributions',
    tag: 'task commands',
    summary: 'A coordinating agency adds its contribution (nội dung phối hợp)',
    auth: ['agency'],
    agencyScope: 'coordinating-agency',
    params: idParam,
    body: z.object({ note: requiredText(), attachmentIds }),
    responses: { 201: { description: 'Recorded', schema: taskViewSchema } },
    async handler({ deps, user, params, body, idempotencyKey }) {
      const args = withEvidence({ actor: actorOf(user), note: body.note }, await commandEvidence(deps, user, params.id, body.attachmentIds));
      return { status: 201, body: await runTaskCommand(deps, user, params.id, addContributionUpdate, args, idempotencyKey) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/comments',
    tag: 'task commands',
    summary:
      "A comment in the task's discussion, by the coordinator or the task's lead or coordinating agency, while the task is open. Agencies named in `mentions` or written `@CODE` in the text (the task's agencies, or the plan's coordinating agency) are told in their daily digest",
    auth: ['coordinator', 'agency'],
    agencyScope: 'own-agency',
    params: idParam,
    body: z.object({
      text: requiredText(COMMENT_MAX_LENGTH),
      mentions: z.array(agencyCode, { message: 'phải là danh sách mã đơn vị' }).max(MAX_MENTIONS, `tối đa ${MAX_MENTIONS} đơn vị`).default([]),
      attachmentIds,
    }),
    responses: { 201: { description: 'Recorded in the timeline (event `commented`)', schema: taskViewSchema } },
    async handler({ deps, user, params, body, idempotencyKey }) {
      const attachments = await commandEvidence(deps, user, params.id, body.attachmentIds);
      const args = await commentCommand(deps, user, params.id, { text: body.text, mentions: body.mentions, attachments });
      return { status: 201, body: await runTaskCommand(deps, user, params.id, commentTaskUpdate, args, idempotencyKey) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/extension-requests',
    tag: 'task commands',
    summary: 'The lead agency asks for a later due date',
    auth: ['agency'],
    agencyScope: 'lead-agency',
    params: idParam,
    body: z.object({ newDueDate: isoDate, reason: requiredText() }),
    responses: { 201: { description: 'Requested', schema: z.object({ requestId: z.string(), task: taskViewSchema }) } },
    async handler({ deps, user, params, body, idempotencyKey }) {
      const requestId = randomUUID();
      const task = await runTaskCommand(deps, user, params.id, requestExtensionUpdate, { actor: actorOf(user), requestId, ...body }, idempotencyKey);
      // A replayed request keeps the id of the request that was recorded.
      const recorded = task.extensionRequests.at(-1) as { id: string } | undefined;
      return { status: 201, body: { requestId: recorded?.id ?? requestId, task } };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/extension-requests/:rid/decision',
    tag: 'task commands',
    summary: 'The coordinator approves (the deadline moves, reminders re-plan) or rejects an extension',
    auth: ['coordinator'],
    params: z.object({ id: z.uuid({ message: 'phải là mã UUID' }), rid: z.string().min(1).max(100) }),
    body: z.object({ approve: z.boolean({ message: 'phải là true hoặc false' }), note: note.optional() }),
    responses: taskReply,
    async handler({ deps, user, params, body, idempotencyKey }) {
      const args = { actor: actorOf(user), requestId: params.rid, approve: body.approve, note: body.note };
      return { body: await runTaskCommand(deps, user, params.id, decideExtensionUpdate, args, idempotencyKey) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/acceptance',
    tag: 'task commands',
    summary: 'The coordinator accepts the submitted completion (nghiệm thu)',
    auth: ['coordinator'],
    params: idParam,
    body: z.object({ note: note.optional() }),
    responses: taskReply,
    async handler({ deps, user, params, body, idempotencyKey }) {
      return { body: await runTaskCommand(deps, user, params.id, acceptCompletionUpdate, { actor: actorOf(user), note: body.note }, idempotencyKey) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/return',
    tag: 'task commands',
    summary: 'The coordinator returns the submitted completion, with a reason',
    auth: ['coordinator'],
    params: idParam,
    body: z.object({ reason: requiredText() }),
    responses: taskReply,
    async handler({ deps, user, params, body, idempotencyKey }) {
      return { body: await runTaskCommand(deps, user, params.id, returnCompletionUpdate, { actor: actorOf(user), reason: body.reason }, idempotencyKey) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/cancel',
    tag: 'task commands',
    summary: 'The coordinator cancels an open task (and every child of a group)',
    auth: ['coordinator'],
    params: idParam,
    body: z.object({ reason: requiredText() }),
    responses: taskReply,
    async handler({ deps, user, params, body, idempotencyKey }) {
      return { body: await runTaskCommand(deps, user, params.id, cancelTaskUpdate, { actor: actorOf(user), reason: body.reason }, idempotencyKey) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tasks/:id/reassign',
    tag: 'task commands',
    summary: 'The coordinator hands the task to another lead agency, which must acknowledge it',
    auth: ['coordinator'],
    params: idParam,
    body: z.object({ leadAgency: agencyCode, note: note.optional() }),
    responses: taskReply,
    async handler({ deps, user, params, body, idempotencyKey }) {
      await assertLeadAgency(deps, body.leadAgency);
      const args = { actor: actorOf(user), leadAgencyCode: body.leadAgency, note: body.note };
      return { body: await runTaskCommand(deps, user, params.id, reassignTaskUpdate, args, idempotencyKey) };
    },
  }),
];
