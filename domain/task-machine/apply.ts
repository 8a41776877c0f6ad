/**
 * The transitions of the task state machine: the next state and the event an allowed command records.
 */
import { localDate } from '../calendar/dates';
import { reportYearFor, withReportedYear } from '../deadline';
import { DomainError } from '../errors';
import { canTransition, isOpen, type TaskStatus } from '../task-status';
import { checkCommand } from './checks';
import type { TaskCommand, TaskEvent, TaskState } from './state';

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
      if (cmd.attachments?.length) data.attachments = cmd.attachments;
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
      if (cmd.attachments?.length) data.attachments = cmd.attachments;
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
      if (cmd.attachments?.length) data.attachments = cmd.attachments;
      note = cmd.note.trim();
      type = 'contribution_added';
      break;
    case 'comment':
      // The status does not move; the text is the event's note, the agencies to tell are its data.
      data.mentions = [...new Set(cmd.mentions ?? [])];
      if (cmd.attachments?.length) data.attachments = cmd.attachments;
      note = cmd.text.trim();
      type = 'commented';
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
