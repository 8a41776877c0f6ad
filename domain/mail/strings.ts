/**
 * Every word the mails say, in Vietnamese (the default) and English. Names of agencies, plans and
 * tasks stay as the documents write them.
 */
import type { Language, NotificationKind } from '../vocabulary';

export interface MailStrings {
  brand: string;
  htmlLang: string;
  greeting(name: string): string;
  digestIntro(day: string, count: number): string;
  copySection: string;
  copyMark: string;
  /** What a coordinating agency is asked, whatever the reminder. */
  copyAsk: string;
  /** Heading of the section listing items of a kind. */
  section: Record<NotificationKind, string>;
  /** What the recipient is asked to do about an item of that kind. */
  ask: Record<NotificationKind, string>;
  /** The subject's headline when a kind is the most urgent in a digest. */
  headline: Record<NotificationKind, string>;
  tasksOf(n: number, recipient: string): string;
  reportOf(year: number | undefined, plan: string): string;
  planLabel: string;
  numberLabel: string;
  dueLabel: string;
  reportDueLabel: string;
  /** A recurring task's deadline: its report of `year`. */
  yearReportDueLabel(year: number): string;
  /** What a recurring task's lead is asked by a deadline reminder about its report of `year`. */
  yearReportAsk(kind: NotificationKind, year: number): string | undefined;
  leadLabel: string;
  askLabel: string;
  statusLabel: string;
  missingLabel: string;
  daysLeft(n: number): string;
  ackButton: string;
  openTask: string;
  openCycle: string;
  openReport: string;
  footer: string;
  linkNote: string;
  /** Status-change notices: subject headline and the sentence saying what happened. */
  event(e: NoticeFacts): { headline: string; sentence: string };
  reasonLabel: string;
  noteLabel: string;
  compiledHeadline(year: number | undefined): string;
  compiledSentence(year: number | undefined, plan: string, version: number | undefined): string;
}

/** What a status-change sentence may mention, already formatted (dates dd/mm/yyyy). */
export interface NoticeFacts {
  event: string;
  actor: string;
  newDueDate?: string;
  previousDueDate?: string;
  dueDate?: string;
  fromAgency?: string;
  toAgency?: string;
}

const vi: MailStrings = {
  brand: 'Giao việc',
  htmlLang: 'vi',
  greeting: (name) => `Kính gửi: ${name},`,
  digestIntro: (day, count) => `Hệ thống Giao việc xin thông báo ${count} nội dung cần quan tâm ngày ${day}:`,
  copySection: 'Nhiệm vụ phối hợp thực hiện (để phối hợp)',
  copyMark: 'Để phối hợp',
  copyAsk: 'Đề nghị phối hợp với đơn vị chủ trì thực hiện nhiệm vụ.',
  section: {
    ack_reminder: 'Nhiệm vụ chưa tiếp nhận',
    ack_escalation: 'Nhiệm vụ đơn vị chủ trì chưa tiếp nhận',
    due_reminder: 'Nhiệm vụ sắp đến hạn',
    overdue_notice: 'Nhiệm vụ đã quá hạn',
    overdue_escalation: 'Nhiệm vụ quá hạn kéo dài',
    status_change: 'Thay đổi trạng thái nhiệm vụ',
    task_assigned: 'Nhiệm vụ mới được giao',
    report_request: 'Đề nghị báo cáo năm',
    report_reminder: 'Nhắc nộp báo cáo năm',
    report_escalation: 'Đơn vị chưa nộp báo cáo năm',
    report_compiled: 'Báo cáo tổng hợp năm',
  },
  ask: {
    ack_reminder: 'Đề nghị tiếp nhận nhiệm vụ.',
    ack_escalation: 'Đơn vị chủ trì chưa tiếp nhận nhiệm vụ; đề nghị đôn đốc.',
    due_reminder: 'Nhiệm vụ sắp đến hạn; đề nghị hoàn thành đúng hạn.',
    overdue_notice: 'Nhiệm vụ đã quá hạn; đề nghị khẩn trương hoàn thành và báo cáo.',
    overdue_escalation: 'Nhiệm vụ quá hạn kéo dài; đề nghị chỉ đạo xử lý.',
    status_change: 'Đề nghị xem thông tin cập nhật.',
    task_assigned: 'Nhiệm vụ mới được giao; đề nghị tiếp nhận và triển khai.',
    report_request: 'Đề nghị gửi báo cáo tình hình thực hiện năm.',
    report_reminder: 'Chưa nhận được báo cáo năm; đề nghị gửi trước hạn.',
    report_escalation: 'Các đơn vị sau chưa gửi báo cáo năm; đề nghị đôn đốc.',
    report_compiled: 'Báo cáo tổng hợp đã được lập.',
  },
  headline: {
    ack_reminder: 'Đề nghị tiếp nhận nhiệm vụ',
    ack_escalation: 'Nhiệm vụ chưa được tiếp nhận',
    due_reminder: 'Nhắc hạn',
    overdue_notice: 'Nhiệm vụ quá hạn',
    overdue_escalation: 'Nhiệm vụ quá hạn kéo dài',
    status_change: 'Cập nhật nhiệm vụ',
    task_assigned: 'Nhiệm vụ mới được giao',
    report_request: 'Đề nghị báo cáo năm',
    report_reminder: 'Nhắc nộp báo cáo năm',
    report_escalation: 'Đơn vị chưa nộp báo cáo năm',
    report_compiled: 'Báo cáo tổng hợp năm',
  },
  tasksOf: (n, recipient) => `${n} nhiệm vụ của ${recipient}`,
  reportOf: (year, plan) => `${year ? `năm ${year}, ` : ''}Kế hoạch ${plan}`,
  planLabel: 'Kế hoạch',
  numberLabel: 'STT',
  dueLabel: 'Hạn hoàn thành',
  reportDueLabel: 'Hạn nộp báo cáo',
  yearReportDueLabel: (year) => `Hạn báo cáo năm ${year}`,
  yearReportAsk: (kind, year) =>
    kind === 'due_reminder'
      ? `Nhiệm vụ thường xuyên: đề nghị báo cáo kết quả thực hiện năm ${year} đúng hạn.`
      : kind === 'overdue_notice'
        ? `Chưa nhận được báo cáo kết quả thực hiện năm ${year} của nhiệm vụ thường xuyên; đề nghị khẩn trương báo cáo.`
        : kind === 'overdue_escalation'
          ? `Đơn vị chủ trì chưa báo cáo kết quả thực hiện năm ${year} đã lâu; đề nghị chỉ đạo xử lý.`
          : undefined,
  leadLabel: 'Đơn vị chủ trì',
  askLabel: 'Yêu cầu',
  statusLabel: 'Trạng thái',
  missingLabel: 'Đơn vị chưa báo cáo',
  daysLeft: (n) => (n > 0 ? `còn ${n} ngày` : n === 0 ? 'đến hạn hôm nay' : `quá hạn ${-n} ngày`),
  ackButton: 'Tiếp nhận nhiệm vụ',
  openTask: 'Mở nhiệm vụ',
  openCycle: 'Mở kỳ báo cáo',
  openReport: 'Xem báo cáo',
  footer: 'Thư này được gửi tự động từ hệ thống Giao việc, xin không trả lời thư này.',
  linkNote: 'Các liên kết trong thư có hiệu lực 30 ngày; liên kết tiếp nhận chỉ dùng được một lần.',
  event: ({ event, actor, newDueDate, previousDueDate, dueDate, fromAgency, toAgency }) => {
    switch (event) {
      case 'extension_requested':
        return { headline: 'Đề nghị gia hạn nhiệm vụ', sentence: `${actor} đề nghị gia hạn nhiệm vụ đến ngày ${newDueDate}${previousDueDate ? ` (hạn hiện tại: ${previousDueDate})` : ''}.` };
      case 'extension_approved':
        return { headline: 'Đồng ý gia hạn nhiệm vụ', sentence: `${actor} đã đồng ý gia hạn nhiệm vụ; hạn hoàn thành mới: ${newDueDate}.` };
      case 'extension_rejected':
        return { headline: 'Không đồng ý gia hạn nhiệm vụ', sentence: `${actor} không đồng ý gia hạn nhiệm vụ đến ngày ${newDueDate}; hạn hoàn thành vẫn là ${dueDate}.` };
      case 'completion_submitted':
        return { headline: 'Báo cáo hoàn thành nhiệm vụ', sentence: `${actor} đã báo cáo hoàn thành nhiệm vụ; đề nghị xem xét, nghiệm thu.` };
      case 'completion_returned':
        return { headline: 'Trả lại báo cáo hoàn thành', sentence: `${actor} đã trả lại báo cáo hoàn thành; đề nghị tiếp tục thực hiện.` };
      case 'completion_accepted':
        return { headline: 'Nghiệm thu hoàn thành nhiệm vụ', sentence: `${actor} đã nghiệm thu; nhiệm vụ được ghi nhận hoàn thành.` };
      case 'cancelled':
        return { headline: 'Hủy nhiệm vụ', sentence: `${actor} đã hủy nhiệm vụ.` };
      case 'created':
        return { headline: 'Giao nhiệm vụ mới', sentence: `${actor} đã giao nhiệm vụ.` };
      case 'reassigned':
        return { headline: 'Giao lại nhiệm vụ', sentence: `${actor} đã giao lại nhiệm vụ${fromAgency ? ` từ ${fromAgency}` : ''}${toAgency ? ` cho ${toAgency}` : ''}.` };
      case 'edited':
        return previousDueDate
          ? { headline: 'Điều chỉnh hạn nhiệm vụ', sentence: `${actor} đã điều chỉnh hạn hoàn thành từ ${previousDueDate} thành ${newDueDate ?? dueDate}.` }
          : { headline: 'Điều chỉnh nhiệm vụ', sentence: `${actor} đã điều chỉnh thông tin nhiệm vụ.` };
      case 'contribution_added':
        return { headline: 'Ý kiến phối hợp', sentence: `${actor} đã gửi ý kiến phối hợp thực hiện nhiệm vụ.` };
      case 'transferred':
        return { headline: 'Chuyển giao nhiệm vụ', sentence: `Theo sắp xếp tổ chức, nhiệm vụ được chuyển từ ${fromAgency ?? '—'} sang ${toAgency ?? '—'}.` };
      default:
        return { headline: 'Cập nhật nhiệm vụ', sentence: `${actor} đã cập nhật nhiệm vụ.` };
    }
  },
  reasonLabel: 'Lý do',
  noteLabel: 'Ghi chú',
  compiledHeadline: (year) => `Báo cáo tổng hợp${year ? ` năm ${year}` : ''}`,
  compiledSentence: (year, plan, version) =>
    `Báo cáo tổng hợp tình hình thực hiện${year ? ` năm ${year}` : ''} của Kế hoạch ${plan} đã được lập${version && version > 1 ? ` (lần ${version}, cập nhật báo cáo nộp muộn)` : ''}.`,
};

const en: MailStrings = {
  brand: 'Giao việc',
  htmlLang: 'en',
  greeting: (name) => `Dear ${name},`,
  digestIntro: (day, count) => `Giao việc has ${count} item${count === 1 ? '' : 's'} for your attention on ${day}:`,
  copySection: 'Tasks you coordinate (for coordination)',
  copyMark: 'For coordination',
  copyAsk: 'Please support the lead agency in carrying out this task.',
  section: {
    ack_reminder: 'Tasks awaiting your acknowledgement',
    ack_escalation: 'Tasks not acknowledged by their lead agency',
    due_reminder: 'Tasks due soon',
    overdue_notice: 'Overdue tasks',
    overdue_escalation: 'Long overdue tasks',
    status_change: 'Task updates',
    task_assigned: 'Newly assigned tasks',
    report_request: 'Annual report requested',
    report_reminder: 'Annual report reminder',
    report_escalation: 'Agencies missing their annual report',
    report_compiled: 'Annual report compiled',
  },
  ask: {
    ack_reminder: 'Please acknowledge this task.',
    ack_escalation: 'The lead agency has not acknowledged this task; please follow up.',
    due_reminder: 'This task is due soon; please complete it on time.',
    overdue_notice: 'This task is overdue; please complete it and report as soon as possible.',
    overdue_escalation: 'This task is long overdue; please intervene.',
    status_change: 'Please review the update.',
    task_assigned: 'A new task: please acknowledge it and get started.',
    report_request: 'Please send your annual progress report.',
    report_reminder: 'Your annual report has not arrived yet; please send it before the deadline.',
    report_escalation: 'These agencies have not sent their annual report; please follow up.',
    report_compiled: 'The compiled report is ready.',
  },
  headline: {
    ack_reminder: 'Please acknowledge',
    ack_escalation: 'Tasks not acknowledged',
    due_reminder: 'Deadline reminder',
    overdue_notice: 'Overdue tasks',
    overdue_escalation: 'Long overdue tasks',
    status_change: 'Task update',
    task_assigned: 'New tasks',
    report_request: 'Annual report requested',
    report_reminder: 'Annual report reminder',
    report_escalation: 'Annual reports missing',
    report_compiled: 'Annual report compiled',
  },
  tasksOf: (n, recipient) => `${n} task${n === 1 ? '' : 's'} of ${recipient}`,
  reportOf: (year, plan) => `${year ? `${year}, ` : ''}plan ${plan}`,
  planLabel: 'Plan',
  numberLabel: 'No.',
  dueLabel: 'Due date',
  reportDueLabel: 'Report due',
  yearReportDueLabel: (year) => `Report for ${year} due`,
  yearReportAsk: (kind, year) =>
    kind === 'due_reminder'
      ? `A recurring task: please report on its ${year} results on time.`
      : kind === 'overdue_notice'
        ? `The ${year} report of this recurring task has not arrived; please send it as soon as possible.`
        : kind === 'overdue_escalation'
          ? `The lead agency has long not reported on ${year} for this recurring task; please intervene.`
          : undefined,
  leadLabel: 'Lead agency',
  askLabel: 'Action',
  statusLabel: 'Status',
  missingLabel: 'Not yet reported',
  daysLeft: (n) => (n > 1 ? `${n} days left` : n === 1 ? '1 day left' : n === 0 ? 'due today' : n === -1 ? '1 day overdue' : `${-n} days overdue`),
  ackButton: 'Acknowledge task',
  openTask: 'Open task',
  openCycle: 'Open reporting cycle',
  openReport: 'View report',
  footer: 'This message was sent automatically by Giao việc; please do not reply.',
  linkNote: 'Links in this message are valid for 30 days; an acknowledgement link works once.',
  event: ({ event, actor, newDueDate, previousDueDate, dueDate, fromAgency, toAgency }) => {
    switch (event) {
      case 'extension_requested':
        return { headline: 'Extension requested', sentence: `${actor} asks to extend the task to ${newDueDate}${previousDueDate ? ` (currently due ${previousDueDate})` : ''}.` };
      case 'extension_approved':
        return { headline: 'Extension approved', sentence: `${actor} approved the extension; the new due date is ${newDueDate}.` };
      case 'extension_rejected':
        return { headline: 'Extension rejected', sentence: `${actor} rejected the extension to ${newDueDate}; the task is still due ${dueDate}.` };
      case 'completion_submitted':
        return { headline: 'Completion submitted', sentence: `${actor} reported the task complete; please review and accept it.` };
      case 'completion_returned':
        return { headline: 'Completion returned', sentence: `${actor} returned the completion report; please continue the work.` };
      case 'completion_accepted':
        return { headline: 'Completion accepted', sentence: `${actor} accepted the completion; the task is done.` };
      case 'cancelled':
        return { headline: 'Task cancelled', sentence: `${actor} cancelled the task.` };
      case 'created':
        return { headline: 'New task assigned', sentence: `${actor} assigned the task.` };
      case 'reassigned':
        return { headline: 'Task reassigned', sentence: `${actor} reassigned the task${fromAgency ? ` from ${fromAgency}` : ''}${toAgency ? ` to ${toAgency}` : ''}.` };
      case 'edited':
        return previousDueDate
          ? { headline: 'Due date changed', sentence: `${actor} moved the due date from ${previousDueDate} to ${newDueDate ?? dueDate}.` }
          : { headline: 'Task changed', sentence: `${actor} changed the task.` };
      case 'contribution_added':
        return { headline: 'Contribution received', sentence: `${actor} sent a contribution to the task.` };
      case 'transferred':
        return { headline: 'Task transferred', sentence: `After a reorganisation, the task passed from ${fromAgency ?? '—'} to ${toAgency ?? '—'}.` };
      default:
        return { headline: 'Task update', sentence: `${actor} updated the task.` };
    }
  },
  reasonLabel: 'Reason',
  noteLabel: 'Note',
  compiledHeadline: (year) => `Annual report${year ? ` ${year}` : ''} compiled`,
  compiledSentence: (year, plan, version) =>
    `The ${year ? `${year} ` : ''}progress report of plan ${plan} has been compiled${version && version > 1 ? ` (version ${version}, including late reports)` : ''}.`,
};

export const MAIL_STRINGS: Record<Language, MailStrings> = { vi, en };

/** Events whose note is a reason (a request, a refusal, a return, a cancellation). */
export const REASON_EVENTS: readonly string[] = ['extension_requested', 'completion_returned', 'cancelled', 'extension_rejected'];
