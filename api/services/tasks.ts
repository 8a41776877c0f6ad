import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, like, not, or, sql, type SQL } from 'drizzle-orm';
import type { UpdateDefinition } from '@temporalio/common';
import type { Db, Tx } from '../../db/client';
import { oncePerDatabase } from '../../db/prepared';
import { agencies, agencyGroupMembers, plans, taskEvents, tasks } from '../../db/schema';
import { localDate } from '../../domain/calendar';
import { assignedDueDate } from '../../domain/deadline';
import { reportSettingsOf } from '../../domain/plan-settings';
import { isIsoDate, type Actor } from '../../domain/task-machine';
import { isOpen, type TaskStatus } from '../../domain/task-status';
import { fanOutRows } from '../../domain/task-fan-out';
import { searchableText } from '../../domain/text';
import type { Funding, TaskKind } from '../../domain/vocabulary';
import { startTasksWorkflowId, TASK_QUEUE, taskWorkflowId } from '../../workflows/constants';
import { rowsCommittedSignal } from '../../workflows/messages';
import { startTasksWorkflow } from '../../workflows/start-tasks';
import type { CommandAnswer, CommandArgs } from '../../workflows/types';
import { allMentions } from '../../domain/comments';
import type { EvidenceFile } from '../../domain/attachments';
import type { AppDeps, AuthUser } from '../context';
import { conflict, forbidden, notFound, unprocessable } from '../errors';
import { updateIdFor } from '../idempotency';
import { dueSoonSql, overdueSql } from '../../db/read-model/deadline';
import { taskView, taskWithLeadName, type TaskRow, type TaskView } from '../../db/read-model/task-view';

export const actorOf = (user: AuthUser, via: Actor['via'] = 'api'): Actor => ({
  userId: user.id,
  name: user.name,
  role: user.role,
  agencyCode: user.agencyCode,
  via,
});

/** Coordinators and leadership see every task; an agency sees those it leads or coordinates. */
export function canSeeTask(user: AuthUser, row: Pick<TaskRow, 'leadAgencyCode' | 'coordinatingAgencyCodes'>): boolean {
  if (user.role === 'coordinator' || user.role === 'viewer') return true;
  if (user.role === 'agency' && user.agencyCode) return row.leadAgencyCode === user.agencyCode || row.coordinatingAgencyCodes.includes(user.agencyCode);
  return false;
}

const taskById = oncePerDatabase((db) =>
  db
    .select(taskWithLeadName)
    .from(tasks)
    .leftJoin(agencies, eq(agencies.code, tasks.leadAgencyCode))
    .where(eq(tasks.id, sql.placeholder('id')))
    .prepare('task_by_id'),
);

export async function loadTaskView(deps: AppDeps, id: string): Promise<TaskView | undefined> {
  const [found] = await taskById(deps.database.db).execute({ id });
  return found && taskView(found.task, found.leadAgencyName);
}

/** The task if this user may see it: 404 when it does not exist, 403 when it is another agency's. */
export async function visibleTask(deps: AppDeps, user: AuthUser, id: string): Promise<TaskView> {
  const view = await loadTaskView(deps, id);
  if (!view) throw notFound('nhiệm vụ');
  if (!canSeeTask(user, { leadAgencyCode: view.leadAgency, coordinatingAgencyCodes: view.coordinatingAgencies })) {
    throw forbidden('Nhiệm vụ này không thuộc đơn vị của bạn.');
  }
  return view;
}

export async function taskDetail(deps: AppDeps, user: AuthUser, id: string) {
  const view = await visibleTask(deps, user, id);
  const { db } = deps.database;
  const [events, children] = await Promise.all([
    db.select().from(taskEvents).where(eq(taskEvents.taskId, id)).orderBy(asc(taskEvents.seq)),
    view.isGroup
      ? db
          .select(taskWithLeadName)
          .from(tasks)
          .leftJoin(agencies, eq(agencies.code, tasks.leadAgencyCode))
          .where(eq(tasks.parentId, id))
          .orderBy(asc(tasks.position))
      : Promise.resolve([]),
  ]);
  return {
    ...view,
    children: children.map((c) => taskView(c.task, c.leadAgencyName)),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: { userId: e.actorUserId, name: e.actorName, role: e.actorRole, agencyCode: e.actorAgencyCode },
      note: e.note,
      data: e.data,
      at: e.at.toISOString(),
    })),
  };
}

/**
 * Send a command to the task's workflow as an Update and return the task as projected.
 *
 * The workflow is the authority: its validator refuses a command that the task's state, the caller's
 * role or agency forbids (domain/task-machine), which is stricter than being allowed to see the task.
 * So the read model is consulted only when the workflow says no, to answer as a read would have: 404
 * for no such task, 403 for another agency's, 409 for a closed one, before the validator's own reason.
 * A command that goes through answers with the task as its projection wrote it, which the Update
 * returns; the task is read only when the Update has none (a newer projection had landed first).
 */
export async function runTaskCommand<A>(
  deps: AppDeps,
  user: AuthUser,
  taskId: string,
  update: UpdateDefinition<CommandAnswer, [A]>,
  args: A,
  idempotencyKey?: string,
): Promise<TaskView> {
  let answer: CommandAnswer;
  try {
    answer = await deps.temporal.workflow
      .getHandle(taskWorkflowId(taskId))
      .executeUpdate(update, { args: [args], ...(idempotencyKey ? { updateId: updateIdFor(user, idempotencyKey) } : {}) });
  } catch (err) {
    const task = await visibleTask(deps, user, taskId);
    if (!isOpen(task.status)) {
      throw conflict(`Nhiệm vụ đã ${task.status === 'completed' ? 'hoàn thành' : 'bị hủy'}; không thể thao tác thêm.`, [{ field: 'status', message: task.status }]);
    }
    throw err;
  }
  const { task } = answer;
  if (task && canSeeTask(user, { leadAgencyCode: task.leadAgency, coordinatingAgencyCodes: task.coordinatingAgencies })) return task;
  return visibleTask(deps, user, taskId);
}

// ---- creation ----

export interface NewTask {
  title: string;
  leadAgency: string;
  coordinatingAgencies: string[];
  startDate?: string;
  dueDate: string;
  kind: TaskKind;
  funding?: Funding;
  section?: string;
  number?: string;
  description?: string;
  note?: string;
}

/** Agency codes as given, with each group replaced by its members (a group with none stays itself). */
async function expandAgencies(tx: Tx | Db, codes: string[], field: string): Promise<{ code: string; members: string[] }[]> {
  if (codes.length === 0) return [];
  const found = await tx.select({ code: agencies.code, kind: agencies.kind, active: agencies.active }).from(agencies).where(inArray(agencies.code, codes));
  const unknown = codes.filter((c) => !found.some((f) => f.code === c && f.active));
  if (unknown.length) {
    throw unprocessable('Đơn vị không có trong danh mục.', unknown.map((c) => ({ field, message: `không có đơn vị mã ${c}` })));
  }
  const groups = found.filter((f) => f.kind === 'group').map((f) => f.code);
  const members = groups.length ? await tx.select().from(agencyGroupMembers).where(inArray(agencyGroupMembers.groupCode, groups)) : [];
  return codes.map((code) => ({ code, members: members.filter((m) => m.groupCode === code).map((m) => m.memberCode) }));
}

const membersOrSelf = (a: { code: string; members: string[] }) => (a.members.length ? a.members : [a.code]);

/** Agency codes checked against the directory, groups expanded to their members. */
export async function resolveAgencyCodes(deps: AppDeps, codes: string[], field: string): Promise<string[]> {
  return [...new Set((await expandAgencies(deps.database.db, codes, field)).flatMap(membersOrSelf))];
}

/** A task is handed to one agency, not to a group. */
export async function assertLeadAgency(deps: AppDeps, code: string): Promise<void> {
  const [found] = await expandAgencies(deps.database.db, [code], 'leadAgency');
  if (found!.members.length > 0) throw unprocessable('Giao lại cho từng đơn vị, không cho một nhóm.', [{ field: 'leadAgency', message: 'là một nhóm đơn vị' }]);
}

/** How long a creation waits for Temporal to accept its start-tasks workflow. */
const START_DEADLINE_MS = 5_000;

/**
 * Insert the task (and, when its lead is a group, one child per member) and start their workflows.
 * The rows are written in one transaction, inside which the start-tasks workflow is started before the
 * commit and signalled after it (workflows/start-tasks); the answer waits for it to have started them.
 */
export async function createTask(deps: AppDeps, user: AuthUser, planId: string, input: NewTask) {
  const { db } = deps.database;
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  if (plan.status !== 'active') throw conflict('Kế hoạch đã đóng; không thể giao thêm nhiệm vụ.');
  const startDate = input.startDate ?? plan.periodStart;
  if (input.dueDate < startDate) {
    throw unprocessable('Hạn hoàn thành phải sau ngày bắt đầu.', [{ field: 'dueDate', message: `không được trước ngày bắt đầu ${startDate}` }]);
  }
  const { starter, taskId } = await db.transaction(async (tx) => {
    const [lead] = await expandAgencies(tx, [input.leadAgency], 'leadAgency');
    const coordinating = [...new Set((await expandAgencies(tx, input.coordinatingAgencies, 'coordinatingAgencies')).flatMap(membersOrSelf))];
    const [{ position }] = (await tx
      .select({ position: sql<number>`coalesce(max(${tasks.position}), 0) + 1` })
      .from(tasks)
      .where(eq(tasks.planId, planId))) as [{ position: number }];
    const base = {
      planId,
      position,
      section: input.section ?? null,
      number: input.number ?? null,
      description: input.description ?? null,
      note: input.note ?? null,
      kind: input.kind,
      startDate,
      dueDate: input.dueDate,
      originalDueDate: input.dueDate,
      funding: input.funding ?? null,
      leadAgencyText: input.leadAgency,
    };
    const { dueOn } = reportSettingsOf(plan.settings);
    const today = localDate(Date.now());
    const values = fanOutRows([lead!], randomUUID, (place) => ({
      ...base,
      ...place,
      title: input.title,
      titleSearch: searchableText(input.title),
      coordinatingAgencyCodes: coordinating.filter((c) => c !== place.leadAgencyCode),
      currentDueDate: assignedDueDate({ ...base, isGroup: place.isGroup }, dueOn, today),
    }));
    const taskIds = values.map((v) => v.id);
    // Started before the rows are committed (workflows/start-tasks): no committed task is left without its workflow.
    // Bounded, since the transaction holds a pooled connection meanwhile: Temporal down is a 503 in seconds.
    const handle = await deps.temporal.withDeadline(Date.now() + START_DEADLINE_MS, () =>
      deps.temporal.workflow.start(startTasksWorkflow, {
        taskQueue: TASK_QUEUE,
        workflowId: startTasksWorkflowId(taskIds[0]!),
        args: [{ taskIds, actor: actorOf(user), awaitCommit: true }],
      }),
    );
    await tx.insert(tasks).values(values);
    return { starter: handle, taskId: taskIds[0]! };
  });
  await starter.signal(rowsCommittedSignal);
  await starter.result();
  return taskDetail(deps, user, taskId);
}

// ---- listing ----

export interface TaskListQuery {
  plan?: string;
  status?: TaskStatus[];
  agency?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  q?: string;
  parent?: string;
  limit: number;
  cursor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const encodeCursor = (row: { dueDate: string; id: string }) => Buffer.from(JSON.stringify([row.dueDate, row.id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Both go into the query as a date and a uuid: anything else would fail in Postgres, not here.
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isIsoDate(value[0]) && typeof value[1] === 'string' && UUID.test(value[1])) return value as [string, string];
  } catch {
    // fall through
  }
  throw unprocessable('Con trỏ phân trang không hợp lệ.', [{ field: 'cursor', message: 'không hợp lệ' }]);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One filter of a list request: a letter for the statement's name, its SQL, the values it takes. */
interface ListFilter {
  key: string;
  where: () => SQL;
  values: Record<string, unknown>;
}

const param = sql.placeholder;

/** The request's filters, each written with placeholders so that one statement serves every value. */
function listFilters(user: AuthUser, q: Omit<TaskListQuery, 'limit'>): ListFilter[] {
  const filters: ListFilter[] = [];
  const add = (key: string, where: () => SQL, values: Record<string, unknown> = {}) => filters.push({ key, where, values });
  if (user.role === 'agency') {
    if (!user.agencyCode) throw forbidden();
    if (q.agency && q.agency !== user.agencyCode) throw forbidden('Chỉ xem được nhiệm vụ của đơn vị mình.');
    add('m', () => or(eq(tasks.leadAgencyCode, param('own')), sql`${tasks.coordinatingAgencyCodes} ? ${param('own')}`)!, { own: user.agencyCode });
  } else if (q.agency) {
    add('a', () => eq(tasks.leadAgencyCode, param('agency')), { agency: q.agency });
  }
  if (q.plan) add('p', () => eq(tasks.planId, param('plan')), { plan: q.plan });
  if (q.status?.length) add('s', () => sql`${tasks.status} = any(${param('status')})`, { status: q.status });
  const today = localDate(Date.now());
  if (q.overdue !== undefined) add(q.overdue ? 'o' : 'O', () => (q.overdue ? overdueSql(param('today')) : not(overdueSql(param('today')))), { today });
  if (q.dueSoon !== undefined) add(q.dueSoon ? 'd' : 'D', () => (q.dueSoon ? dueSoonSql(param('today')) : not(dueSoonSql(param('today')))), { today });
  if (q.q) add('q', () => like(tasks.titleSearch, param('pattern')), { pattern: `%${escapeLike(searchableText(q.q))}%` });
  if (q.parent) add('c', () => eq(tasks.parentId, param('parent')), { parent: q.parent });
  if (q.cursor) {
    const [afterDue, afterId] = decodeCursor(q.cursor);
    add('k', () => or(gt(tasks.dueDate, param('afterDue')), and(eq(tasks.dueDate, param('afterDue')), gt(tasks.id, param('afterId'))))!, { afterDue, afterId });
  }
  return filters;
}

function prepareList(db: Db, filters: ListFilter[], name: string) {
  return db
    .select(taskWithLeadName)
    .from(tasks)
    .leftJoin(agencies, eq(agencies.code, tasks.leadAgencyCode))
    .where(and(...filters.map((f) => f.where())))
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .limit(param('limit'))
    .prepare(name);
}

/** The list's statements, one per combination of filters, prepared when first asked for. */
const listStatements = oncePerDatabase(() => new Map<string, ReturnType<typeof prepareList>>());

/**
 * The tasks the filters let this user see, in due-date order, at most `limit`: the rows of a list page
 * and of an export alike.
 */
export async function selectTasks(deps: AppDeps, user: AuthUser, q: Omit<TaskListQuery, 'limit'>, limit: number) {
  const filters = listFilters(user, q);
  const name = `task_list_${filters.map((f) => f.key).join('')}`;
  const statements = listStatements(deps.database.db);
  let statement = statements.get(name);
  if (!statement) {
    statement = prepareList(deps.database.db, filters, name);
    statements.set(name, statement);
  }
  return statement.execute(Object.assign({ limit }, ...filters.map((f) => f.values)));
}

/** Tasks in due-date order, filtered and paged by a (dueDate, id) cursor that the indexes serve. */
export async function listTasks(deps: AppDeps, user: AuthUser, q: TaskListQuery) {
  const rows = await selectTasks(deps, user, q, q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => taskView(r.task, r.leadAgencyName)),
    nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!.task) : null,
  };
}

// ---- discussion ----

export interface NewComment {
  text: string;
  mentions: string[];
  attachments?: EvidenceFile[];
}

/**
 * The agencies a comment names (picked, or written `@CODE` in its text), checked against the directory
 * here, where the machine cannot look; whether they are related to the task is the machine's check. The
 * plan's coordinating agency may be named too, so the command carries its code.
 */
export async function commentCommand(deps: AppDeps, user: AuthUser, taskId: string, input: NewComment): Promise<CommandArgs<'comment'>> {
  const mentions = allMentions(input.text, input.mentions);
  const base = { actor: actorOf(user), text: input.text, mentions, ...(input.attachments ? { attachments: input.attachments } : {}) };
  if (mentions.length === 0) return base;
  const task = await visibleTask(deps, user, taskId);
  const { db } = deps.database;
  const [known, [plan]] = await Promise.all([
    db.select({ code: agencies.code }).from(agencies).where(and(inArray(agencies.code, mentions), eq(agencies.active, true))),
    db.select({ coordinator: plans.coordinatorAgencyCode }).from(plans).where(eq(plans.id, task.planId)),
  ]);
  const unknown = mentions.filter((code) => !known.some((k) => k.code === code));
  if (unknown.length) {
    throw unprocessable(
      'Nhắc đến đơn vị không có trong danh mục.',
      unknown.map((code) => {
        const picked = input.mentions.indexOf(code);
        return picked >= 0 ? { field: `mentions.${picked}`, message: `không có đơn vị mã ${code}` } : { field: 'text', message: `@${code}: không có đơn vị mã ${code}` };
      }),
    );
  }
  return { ...base, coordinatorAgencyCode: plan?.coordinator ?? null };
}
