/**
 * The guards of the task state machine: who may send which command in which state, and what a command
 * must carry. Synchronous and pure, as an Update's validator must be: a rejected command never enters history.
 */
import { DomainError, type DomainErrorDetail } from '../errors';
import { MAX_EVIDENCE_PER_COMMAND, type EvidenceFile } from '../attachments';
import { COMMENT_MAX_LENGTH, MAX_MENTIONS } from '../comments';
import { isOpen } from '../task-status';
import type { Role } from '../vocabulary';
import type { Actor, TaskCommand, TaskCommandType, TaskState } from './state';

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

/** Evidence a command carries: uploaded files the API has checked belong to this task and agency. */
function checkEvidence(files: EvidenceFile[] | undefined): void {
  if (files === undefined) return;
  const field = 'attachmentIds';
  if (!Array.isArray(files)) throw invalid('Danh sách minh chứng không hợp lệ.', [{ field, message: 'phải là danh sách tệp' }]);
  if (files.length > MAX_EVIDENCE_PER_COMMAND) throw invalid(`Tối đa ${MAX_EVIDENCE_PER_COMMAND} tệp minh chứng mỗi lần gửi.`, [{ field, message: `tối đa ${MAX_EVIDENCE_PER_COMMAND} tệp` }]);
  files.forEach((f, i) => {
    if (!f || typeof f.id !== 'string' || !f.id || typeof f.fileName !== 'string' || !f.fileName || typeof f.size !== 'number') {
      throw invalid('Tệp minh chứng không hợp lệ.', [{ field: `${field}.${i}`, message: 'không phải tệp đã tải lên' }]);
    }
  });
  if (new Set(files.map((f) => f.id)).size !== files.length) throw invalid('Một tệp minh chứng được gửi hai lần.', [{ field, message: 'có tệp lặp lại' }]);
}

/** Who takes part in a task's discussion: the coordinator, and the task's lead and coordinating agencies. */
function requireParticipant(state: TaskState, actor: Actor): void {
  if (actor.role === 'coordinator') return;
  if (actor.role !== 'agency') throw forbidden(`Vai trò ${actor.role} không tham gia trao đổi về nhiệm vụ.`);
  if (!actor.agencyCode || (actor.agencyCode !== state.leadAgencyCode && !state.coordinatingAgencyCodes.includes(actor.agencyCode))) {
    throw forbidden('Chỉ cơ quan theo dõi, đơn vị chủ trì và cơ quan phối hợp mới được trao đổi về nhiệm vụ.');
  }
}

/** Group parents only take commands that cascade to every child, and their discussion. */
const GROUP_COMMANDS: TaskCommandType[] = ['cancel', 'edit', 'child_changed', 'transfer', 'add_child', 'comment'];

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
      checkEvidence(cmd.attachments);
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
      checkEvidence(cmd.attachments);
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
      checkEvidence(cmd.attachments);
      return;
    case 'comment': {
      requireParticipant(state, actor);
      // A closed task's workflow has ended and its record is final: the discussion is about open work.
      requireOpen(state, 'trao đổi');
      const text = requireText(cmd.text, 'text');
      if (text.length > COMMENT_MAX_LENGTH) throw invalid(`Nội dung trao đổi tối đa ${COMMENT_MAX_LENGTH} ký tự.`, [{ field: 'text', message: `tối đa ${COMMENT_MAX_LENGTH} ký tự` }]);
      const mentions = cmd.mentions ?? [];
      if (mentions.length > MAX_MENTIONS) throw invalid(`Nhắc đến tối đa ${MAX_MENTIONS} đơn vị.`, [{ field: 'mentions', message: `tối đa ${MAX_MENTIONS} đơn vị` }]);
      const related = new Set([state.leadAgencyCode, ...state.coordinatingAgencyCodes, ...(cmd.coordinatorAgencyCode ? [cmd.coordinatorAgencyCode] : [])]);
      const strangers = mentions.filter((code) => !related.has(code));
      if (strangers.length) {
        throw invalid(
          'Chỉ nhắc đến được đơn vị chủ trì, cơ quan phối hợp của nhiệm vụ và cơ quan theo dõi.',
          strangers.map((code) => ({ field: 'mentions', message: `${code} không liên quan đến nhiệm vụ` })),
        );
      }
      checkEvidence(cmd.attachments);
      return;
    }
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

