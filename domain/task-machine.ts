/**
 * The task lifecycle as a pure state machine (DESIGN.md §5). The task workflow runs it: an Update's
 * validator calls `checkCommand` (so a rejected command never enters history) and its handler calls
 * `applyCommand`. No I/O and no Node built-ins: workflow code imports this module.
 */
import { localDate } from './calendar/dates';
import { reportYearFor, withReportedYear, type YearlyReports } from './deadline';
import { DomainError, type DomainErrorDetail } from './errors';
import { canTransition, isOpen, type TaskStatus } from './task-status';
import type { Role, TaskKind } from './vocabulary';

export interface Actor {
  userId: string | null;
  name: string;
  role: Role | 'system';
  agencyCode: string | null;
  /** How the command arrived: the API, a one-click email link, an annual report, a re-imported appendix, the system. */
  via?: 'api' | 'link' | 'report' | 'import' | 'system';
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'Hệ thống', role: 'system', agencyCode: null, via: 'system' };

export interface ExtensionRequest {
  id: string;
  newDueDate: string;
  reason: string;
  requestedAt: string;
  requestedBy: Actor;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decidedAt?: string;
  decidedBy?: Actor;
  note?: string;
}

/** Everything the workflow knows about its task; plain JSON, carried over continue-as-new. */
export interface TaskState {
  taskId: string;
  planId: string;
  parentId: string | null;
  isGroup: boolean;
  /** For a group parent: each child's last known status and progress. */
  children: Record<string, { status: TaskStatus; progress: number }>;
  title: string;
  leadAgencyCode: string;
  coordinatingAgencyCodes: string[];
  kind: TaskKind;
  startDate: string;
  dueDate: string;
  status: TaskStatus;
  progress: number;
  assignedAt: string;
  acknowledgedAt: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  extensionRequests: ExtensionRequest[];
  /** Sequence number of the last event; the projection's idempotency key. */
  seq: number;
  /** When the current deadline was set (creation or last change): reminders planned before it are void. */
  deadlineSetAt: string;
  /**
   * A recurring task's years (domain/deadline): set by its workflow, absent on other tasks and on
   * states recorded before tasks were judged year by year.
   */
  yearly?: YearlyReports;
}

export type TaskCommand =
  | { type: 'acknowledge'; actor: Actor }
  /** `year`: the annual report (báo cáo năm) it came with, whose year it reports on. */
  | { type: 'report_progress'; actor: Actor; percent: number; note?: string; year?: number }
  | { type: 'request_extension'; actor: Actor; requestId: string; newDueDate: string; reason: string }
  | { type: 'decide_extension'; actor: Actor; requestId: string; approve: boolean; note?: string }
  | { type: 'submit_completion'; actor: Actor; note?: string }
  | { type: 'accept_completion'; actor: Actor; note?: string }
  | { type: 'return_completion'; actor: Actor; reason: string }
  | { type: 'cancel'; actor: Actor; reason: string }
  | { type: 'reassign'; actor: Actor; leadAgencyCode: string; note?: string }
  | {
      type: 'edit';
      actor: Actor;
      dueDate?: string;
      startDate?: string;
      title?: string;
      coordinatingAgencyCodes?: string[];
      note?: string;
      /** Appendix columns the workflow does not hold (funding, notes…), changed by a re-import: kept in the audit trail. */
      details?: Record<string, { from: unknown; to: unknown }>;
    }
  | { type: 'add_contribution'; actor: Actor; note: string }
  /** A reorganisation: the agency `from` was merged into `to`, which takes over its part as it stands. */
  | { type: 'transfer'; actor: Actor; from: string; to: string; effectiveDate: string }
  | { type: 'child_changed'; actor: Actor; childId: string; status: TaskStatus; progress: number }
  /** An agency joined the group after the task was given to it: a child task of its own joins the parent. */
  | { type: 'add_child'; actor: Actor; childId: string; agencyCode: string };

export type TaskCommandType = TaskCommand['type'];

/** One accepted transition, as the audit trail records it. */
export interface TaskEvent {
  seq: number;
  type: string;
  fromStatus: TaskStatus;
  toStatus: TaskStatus;
  actor: Actor;
  note: string | null;
  data: Record<string, unknown>;
  at: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date, YYYY-MM-DD, in a year a plan can name (Postgres has no year 0, JS does). */
export function isIsoDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const year = Number(s.slice(0, 4));
  if (year < 1900 || year > 2999) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const forbidden = (message: string) => new DomainError('Forbidden', message);
const invalid = (message: string, details: DomainErrorDetail[] = []) => new DomainError('InvalidInput', message, details);
const wrongState = (state: TaskState, message: string) =>
  new DomainError('InvalidTransition', `${message} (trạng thái hiện tại: ${state.status}).`, [{ field: 'status', message: state.status }]);

function requireRole(actor: Actor, roles: (Role | 'system')[], what: string) {
  if (!roles.includes(actor.role)) throw forbidden(`Vai trò ${actor.role} không được ${what}.`);
}

/** Only the lead agency's clerks act on a task's progress. */
function requireLead(state: TaskState, actor: Actor, what: string) {
  if (actor.role === 'system') return;
  requireRole(actor, ['agency'], what);
  if (actor.agencyCode !== state.leadAgencyCode) throw forbidden(`Chỉ đơn vị chủ trì mới được ${what}.`);
}

function requireCoordinator(actor: Actor, what: string) {
  requireRole(actor, ['coordinator', 'system'], what);
}

function requireOpen(state: TaskState, what: string) {
  if (!isOpen(state.status)) throw wrongState(state, `Không thể ${what}: nhiệm vụ đã ${state.status === 'completed' ? 'hoàn thành' : 'bị hủy'}`);
}

function requireText(value: string | undefined, field: string): string {
  const text = value?.trim();
  if (!text) throw invalid(`Cần nhập ${field === 'reason' ? 'lý do' : 'nội dung'}.`, [{ field, message: 'không được để trống' }]);
  return text;
}

/** Group parents only take commands that cascade to every child. */
const GROUP_COMMANDS: TaskCommandType[] = ['cancel', 'edit', 'child_changed', 'transfer', 'add_child'];

/**
 * Throw the DomainError that rejects `cmd` in `state`, or return normally when it is allowed.
 * Synchronous and pure, as Update validators must be.
 */
export function checkCommand(state: TaskState, cmd: TaskCommand): void {
  if (state.isGroup && !GROUP_COMMANDS.includes(cmd.type)) {
    throw wrongState(state, 'Nhiệm vụ giao cho nhiều đơn vị được thực hiện qua từng nhiệm vụ con');
  }
  const { actor } = cmd;
  switch (cmd.type) {
    case 'acknowledge':
      requireLead(state, actor, 'tiếp nhận nhiệm vụ');
      if (state.status !== 'assigned') throw wrongState(state, 'Nhiệm vụ đã được tiếp nhận');
      return;
    case 'report_progress': {
      requireLead(state, actor, 'báo cáo tiến độ');
      if (state.status !== 'assigned' && state.status !== 'in_progress') throw wrongState(state, 'Chỉ báo cáo tiến độ khi nhiệm vụ đang thực hiện');
      if (!Number.isInteger(cmd.percent) || cmd.percent < 0 || cmd.percent > 100) {
        throw invalid('Tiến độ phải là số nguyên từ 0 đến 100.', [{ field: 'percent', message: 'phải từ 0 đến 100' }]);
      }
      if (cmd.percent < state.progress && !cmd.note?.trim()) {
        throw invalid(`Tiến độ giảm từ ${state.progress}% xuống ${cmd.percent}%: cần ghi chú lý do.`, [{ field: 'note', message: 'bắt buộc khi tiến độ giảm' }]);
      }
      if (cmd.year !== undefined && (!Number.isInteger(cmd.year) || cmd.year < 1900 || cmd.year > 2999)) {
        throw invalid('Năm báo cáo không hợp lệ.', [{ field: 'year', message: 'phải là một năm, ví dụ 2026' }]);
      }
      return;
    }
    case 'request_extension': {
      requireLead(state, actor, 'đề nghị gia hạn');
      if (state.status !== 'assigned' && state.status !== 'in_progress') throw wrongState(state, 'Chỉ đề nghị gia hạn khi nhiệm vụ đang thực hiện');
      requireText(cmd.reason, 'reason');
      if (!isIsoDate(cmd.newDueDate)) throw invalid('Ngày đề nghị không hợp lệ.', [{ field: 'newDueDate', message: 'phải có dạng YYYY-MM-DD' }]);
      if (cmd.newDueDate <= state.dueDate) {
        throw invalid(`Hạn mới phải sau hạn hiện tại ${state.dueDate}.`, [{ field: 'newDueDate', message: `phải sau ${state.dueDate}` }]);
      }
      if (state.extensionRequests.some((r) => r.status === 'pending')) throw wrongState(state, 'Đang có một đề nghị gia hạn chờ quyết định');
      if (state.extensionRequests.some((r) => r.id === cmd.requestId)) throw wrongState(state, 'Đề nghị gia hạn này đã được gửi');
      return;
    }
    case 'decide_extension': {
      requireCoordinator(actor, 'quyết định gia hạn');
      requireOpen(state, 'quyết định gia hạn');
      const request = state.extensionRequests.find((r) => r.id === cmd.requestId);
      if (!request) throw new DomainError('NotFound', 'Không có đề nghị gia hạn này.', [{ field: 'requestId', message: 'không tồn tại' }]);
      if (request.status !== 'pending') throw wrongState(state, `Đề nghị gia hạn đã được xử lý (${request.status})`);
      return;
    }
    case 'submit_completion':
      requireLead(state, actor, 'báo cáo hoàn thành');
      if (state.status !== 'in_progress') {
        throw wrongState(state, state.status === 'assigned' ? 'Cần tiếp nhận nhiệm vụ trước khi báo cáo hoàn thành' : 'Không thể báo cáo hoàn thành lúc này');
      }
      return;
    case 'accept_completion':
      requireCoordinator(actor, 'nghiệm thu');
      if (state.status !== 'completion_submitted') throw wrongState(state, 'Chỉ nghiệm thu nhiệm vụ đã báo cáo hoàn thành');
      return;
    case 'return_completion':
      requireCoordinator(actor, 'trả lại báo cáo hoàn thành');
      if (state.status !== 'completion_submitted') throw wrongState(state, 'Chỉ trả lại nhiệm vụ đã báo cáo hoàn thành');
      requireText(cmd.reason, 'reason');
      return;
    case 'cancel':
      requireCoordinator(actor, 'hủy nhiệm vụ');
      requireOpen(state, 'hủy');
      requireText(cmd.reason, 'reason');
      return;
    case 'reassign':
      requireCoordinator(actor, 'giao lại nhiệm vụ');
      requireOpen(state, 'giao lại');
      if (!cmd.leadAgencyCode) throw invalid('Cần chọn đơn vị chủ trì mới.', [{ field: 'leadAgency', message: 'không được để trống' }]);
      if (cmd.leadAgencyCode === state.leadAgencyCode) {
        throw invalid('Đơn vị chủ trì mới trùng đơn vị hiện tại.', [{ field: 'leadAgency', message: 'trùng đơn vị hiện tại' }]);
      }
      return;
    case 'edit':
      requireCoordinator(actor, 'sửa nhiệm vụ');
      requireOpen(state, 'sửa');
      if (cmd.startDate !== undefined && !isIsoDate(cmd.startDate)) throw invalid('Ngày bắt đầu không hợp lệ.', [{ field: 'startDate', message: 'phải có dạng YYYY-MM-DD' }]);
      if (cmd.dueDate !== undefined && !isIsoDate(cmd.dueDate)) throw invalid('Hạn không hợp lệ.', [{ field: 'dueDate', message: 'phải có dạng YYYY-MM-DD' }]);
      {
        const start = cmd.startDate ?? state.startDate;
        const due = cmd.dueDate ?? state.dueDate;
        if (due < start) {
          const field = cmd.dueDate !== undefined ? 'dueDate' : 'startDate';
          throw invalid(`Hạn ${due} phải từ ngày bắt đầu ${start}.`, [{ field, message: field === 'dueDate' ? `không được trước ${start}` : `không được sau hạn ${due}` }]);
        }
      }
      if (cmd.title !== undefined) requireText(cmd.title, 'title');
      return;
    case 'add_contribution':
      if (actor.role !== 'system') {
        requireRole(actor, ['agency'], 'đóng góp ý kiến phối hợp');
        if (!actor.agencyCode || !state.coordinatingAgencyCodes.includes(actor.agencyCode)) throw forbidden('Chỉ cơ quan phối hợp mới được gửi nội dung phối hợp.');
      }
      requireOpen(state, 'gửi nội dung phối hợp');
      requireText(cmd.note, 'note');
      return;
    case 'transfer':
      requireRole(actor, ['admin', 'system'], 'chuyển giao nhiệm vụ khi sáp nhập đơn vị');
      requireOpen(state, 'chuyển giao');
      if (state.leadAgencyCode !== cmd.from && !state.coordinatingAgencyCodes.includes(cmd.from)) {
        throw invalid(`Nhiệm vụ không liên quan đến đơn vị ${cmd.from}.`, [{ field: 'from', message: 'không phải chủ trì hay phối hợp' }]);
      }
      return;
    case 'child_changed':
      requireRole(actor, ['system'], 'cập nhật nhiệm vụ con');
      if (!(cmd.childId in state.children)) throw new DomainError('NotFound', 'Không phải nhiệm vụ con.', [{ field: 'childId', message: cmd.childId }]);
      return;
    case 'add_child':
      requireRole(actor, ['admin', 'coordinator', 'system'], 'thêm đơn vị vào nhiệm vụ giao cho nhóm');
      if (!state.isGroup) throw wrongState(state, 'Chỉ nhiệm vụ giao cho nhiều đơn vị mới có nhiệm vụ con');
      requireOpen(state, 'thêm nhiệm vụ con');
      if (cmd.childId in state.children) throw invalid('Nhiệm vụ con này đã có.', [{ field: 'childId', message: cmd.childId }]);
      return;
  }
}

/** A group parent follows its children: done when every child is closed and one completed. */
function groupStatus(state: TaskState): TaskStatus {
  const children = Object.values(state.children);
  if (children.length === 0 || !isOpen(state.status)) return state.status;
  if (children.every((c) => !isOpen(c.status))) return children.some((c) => c.status === 'completed') ? 'completed' : 'cancelled';
  return children.some((c) => c.status !== 'assigned') ? 'in_progress' : 'assigned';
}

const average = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);

/**
 * Apply an allowed command (call `checkCommand` first) at instant `at` (ISO): the next state and the
 * event to record. Pure: the input state is not modified.
 */
export function applyCommand(state: TaskState, cmd: TaskCommand, at: string): { state: TaskState; event: TaskEvent } {
  checkCommand(state, cmd);
  const next: TaskState = { ...state, extensionRequests: state.extensionRequests.map((r) => ({ ...r })), children: { ...state.children }, seq: state.seq + 1 };
  let note: string | null = null;
  let type: string = cmd.type;
  const data: Record<string, unknown> = {};

  switch (cmd.type) {
    case 'acknowledge':
      next.status = 'in_progress';
      next.acknowledgedAt = at;
      type = 'acknowledged';
      break;
    case 'report_progress':
      // Reporting progress on a task nobody acknowledged is acknowledging it.
      if (state.status === 'assigned') {
        next.status = 'in_progress';
        next.acknowledgedAt = at;
      }
      data.fromPercent = state.progress;
      data.percent = cmd.percent;
      next.progress = cmd.percent;
      if (state.yearly) {
        // A recurring task: the year this report is the report of, if any (domain/deadline).
        const year = reportYearFor(state, localDate(Date.parse(at)), cmd.year);
        if (year !== null) {
          data.reportYear = year;
          next.yearly = withReportedYear(state.yearly, year);
        }
      }
      note = cmd.note?.trim() || null;
      type = 'progress_reported';
      break;
    case 'request_extension':
      next.extensionRequests.push({
        id: cmd.requestId,
        newDueDate: cmd.newDueDate,
        reason: cmd.reason.trim(),
        requestedAt: at,
        requestedBy: cmd.actor,
        status: 'pending',
      });
      Object.assign(data, { requestId: cmd.requestId, newDueDate: cmd.newDueDate, currentDueDate: state.dueDate });
      note = cmd.reason.trim();
      type = 'extension_requested';
      break;
    case 'decide_extension': {
      const request = next.extensionRequests.find((r) => r.id === cmd.requestId)!;
      request.status = cmd.approve ? 'approved' : 'rejected';
      request.decidedAt = at;
      request.decidedBy = cmd.actor;
      request.note = cmd.note?.trim() || undefined;
      Object.assign(data, { requestId: cmd.requestId, approve: cmd.approve, newDueDate: request.newDueDate, previousDueDate: state.dueDate });
      if (cmd.approve) {
        next.dueDate = request.newDueDate;
        next.deadlineSetAt = at;
      }
      note = cmd.note?.trim() || null;
      type = cmd.approve ? 'extension_approved' : 'extension_rejected';
      break;
    }
    case 'submit_completion':
      next.status = 'completion_submitted';
      next.submittedAt = at;
      note = cmd.note?.trim() || null;
      type = 'completion_submitted';
      break;
    case 'accept_completion':
      next.status = 'completed';
      next.completedAt = at;
      next.progress = 100;
      note = cmd.note?.trim() || null;
      type = 'completion_accepted';
      break;
    case 'return_completion':
      next.status = 'in_progress';
      next.submittedAt = null;
      note = cmd.reason.trim();
      type = 'completion_returned';
      break;
    case 'cancel':
      next.status = 'cancelled';
      next.cancelledAt = at;
      note = cmd.reason.trim();
      type = 'cancelled';
      break;
    case 'reassign':
      // The new lead has to acknowledge the task itself; a pending extension request was the old lead's.
      Object.assign(data, { fromAgency: state.leadAgencyCode, toAgency: cmd.leadAgencyCode });
      next.leadAgencyCode = cmd.leadAgencyCode;
      next.coordinatingAgencyCodes = state.coordinatingAgencyCodes.filter((c) => c !== cmd.leadAgencyCode);
      next.status = 'assigned';
      next.acknowledgedAt = null;
      next.submittedAt = null;
      next.assignedAt = at;
      next.deadlineSetAt = at;
      for (const r of next.extensionRequests) if (r.status === 'pending') r.status = 'withdrawn';
      note = cmd.note?.trim() || null;
      type = 'reassigned';
      break;
    case 'edit':
      if (cmd.dueDate !== undefined && cmd.dueDate !== state.dueDate) {
        Object.assign(data, { previousDueDate: state.dueDate, dueDate: cmd.dueDate });
        next.dueDate = cmd.dueDate;
        next.deadlineSetAt = at;
      }
      if (cmd.startDate !== undefined && cmd.startDate !== state.startDate) {
        Object.assign(data, { previousStartDate: state.startDate, startDate: cmd.startDate });
        next.startDate = cmd.startDate;
      }
      if (cmd.title !== undefined) {
        data.title = cmd.title.trim();
        next.title = cmd.title.trim();
      }
      if (cmd.details) data.details = cmd.details;
      if (cmd.coordinatingAgencyCodes !== undefined) {
        data.coordinatingAgencyCodes = cmd.coordinatingAgencyCodes;
        next.coordinatingAgencyCodes = cmd.coordinatingAgencyCodes;
      }
      note = cmd.note?.trim() || null;
      type = 'edited';
      break;
    case 'add_contribution':
      note = cmd.note.trim();
      type = 'contribution_added';
      break;
    case 'transfer':
      // Unlike a reassignment, the successor inherits the work as it stands: status, progress, requests.
      if (state.leadAgencyCode === cmd.from) next.leadAgencyCode = cmd.to;
      next.coordinatingAgencyCodes = [...new Set(state.coordinatingAgencyCodes.map((c) => (c === cmd.from ? cmd.to : c)))].filter((c) => c !== next.leadAgencyCode);
      Object.assign(data, { fromAgency: cmd.from, toAgency: cmd.to, effectiveDate: cmd.effectiveDate, asLead: state.leadAgencyCode === cmd.from });
      type = 'transferred';
      break;
    case 'child_changed': {
      next.children[cmd.childId] = { status: cmd.status, progress: cmd.progress };
      next.status = groupStatus(next);
      next.progress = average(Object.values(next.children).map((c) => (c.status === 'cancelled' ? null : c.progress)).filter((p): p is number => p !== null));
      if (next.status === 'completed') next.completedAt = at;
      if (next.status === 'cancelled') next.cancelledAt = at;
      Object.assign(data, { childId: cmd.childId, childStatus: cmd.status, childProgress: cmd.progress });
      type = 'child_changed';
      break;
    }
    case 'add_child':
      next.children[cmd.childId] = { status: 'assigned', progress: 0 };
      next.progress = average(Object.values(next.children).map((c) => (c.status === 'cancelled' ? null : c.progress)).filter((p): p is number => p !== null));
      Object.assign(data, { childId: cmd.childId, agencyCode: cmd.agencyCode });
      type = 'child_added';
      break;
  }
  // A group parent's status follows its children rather than the lifecycle's edges.
  if (cmd.type !== 'child_changed' && cmd.type !== 'add_child' && next.status !== state.status && !canTransition(state.status, next.status)) {
    throw new DomainError('InvalidTransition', `Không thể chuyển từ ${state.status} sang ${next.status}.`);
  }
  return { state: next, event: { seq: next.seq, type, fromStatus: state.status, toStatus: next.status, actor: cmd.actor, note, data, at } };
}

/** The state of a task just assigned. */
export function initialTaskState(input: {
  taskId: string;
  planId: string;
  parentId: string | null;
  childIds: string[];
  title: string;
  leadAgencyCode: string;
  coordinatingAgencyCodes: string[];
  kind: TaskKind;
  startDate: string;
  dueDate: string;
  assignedAt: string;
}): TaskState {
  return {
    taskId: input.taskId,
    planId: input.planId,
    parentId: input.parentId,
    isGroup: input.childIds.length > 0,
    children: Object.fromEntries(input.childIds.map((id) => [id, { status: 'assigned' as TaskStatus, progress: 0 }])),
    title: input.title,
    leadAgencyCode: input.leadAgencyCode,
    coordinatingAgencyCodes: input.coordinatingAgencyCodes,
    kind: input.kind,
    startDate: input.startDate,
    dueDate: input.dueDate,
    status: 'assigned',
    progress: 0,
    assignedAt: input.assignedAt,
    acknowledgedAt: null,
    submittedAt: null,
    completedAt: null,
    cancelledAt: null,
    extensionRequests: [],
    seq: 0,
    deadlineSetAt: input.assignedAt,
  };
}
