/**
 * The words the compiled report (and a task list exported to a workbook) is printed with, in Vietnamese
 * (the official text) and English.
 * Shared by the HTML and XLSX renderings so both say the same thing.
 */
import type { TaskStatus } from '../task-status';
import type { FundingSource, Language, TaskKind } from '../vocabulary';
import type { TaskClass } from './classify';

type Bilingual = Record<Language, string>;

export const CLASS_LABELS: Record<TaskClass, Bilingual> = {
  completed_on_time: { vi: 'Đã hoàn thành đúng hạn', en: 'Completed on time' },
  completed_late: { vi: 'Hoàn thành quá hạn', en: 'Completed late' },
  in_progress_on_time: { vi: 'Đang thực hiện trong hạn', en: 'In progress, within deadline' },
  in_progress_overdue: { vi: 'Đang thực hiện quá hạn', en: 'In progress, overdue' },
  not_started: { vi: 'Chưa triển khai', en: 'Not started' },
};

export const REPORT_STATUS_LABELS: Record<TaskStatus, Bilingual> = {
  assigned: { vi: 'Đã giao, chờ tiếp nhận', en: 'Assigned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  completion_submitted: { vi: 'Chờ nghiệm thu', en: 'Completion submitted' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const KIND_LABELS: Record<TaskKind, Bilingual> = {
  new: { vi: 'Mới', en: 'New' },
  carried_over: { vi: 'Chuyển tiếp', en: 'Carried over' },
  recurring: { vi: 'Thường xuyên', en: 'Recurring' },
};

export const FUNDING_SOURCE_LABELS: Record<FundingSource, Bilingual> = {
  central: { vi: 'Ngân sách trung ương', en: 'Central budget' },
  province: { vi: 'Ngân sách tỉnh', en: 'Provincial budget' },
  district: { vi: 'Ngân sách huyện', en: 'District budget' },
  commune: { vi: 'Ngân sách xã', en: 'Commune budget' },
  socialized: { vi: 'Xã hội hóa', en: 'Private (socialised) funding' },
  oda: { vi: 'Vốn ODA', en: 'ODA' },
  other: { vi: 'Nguồn khác', en: 'Other sources' },
};

export const UNSPECIFIED_FUNDING_LABEL: Bilingual = { vi: 'Chưa xác định nguồn vốn', en: 'Funding not specified' };

/** "Ngân sách tỉnh + Xã hội hóa", or the unspecified label for no source. */
export function fundingSourcesLabel(sources: readonly FundingSource[], language: Language): string {
  if (sources.length === 0) return UNSPECIFIED_FUNDING_LABEL[language];
  return sources.map((s) => FUNDING_SOURCE_LABELS[s][language]).join(' + ');
}

/** Column headings and fixed phrases. */
const VI_TEXT = {
  sheetSummary: 'Tổng hợp',
  sheetTasks: 'Nhiệm vụ',
  sheetAgencies: 'Đơn vị',
  sheetFunding: 'Nguồn vốn',
  sheetCancelled: 'Nhiệm vụ đã hủy',
  indicator: 'Chỉ tiêu',
  value: 'Giá trị',
  plan: 'Kế hoạch',
  documentNumber: 'Số văn bản',
  issuer: 'Cơ quan ban hành',
  issuedOn: 'Ngày ban hành',
  period: 'Giai đoạn',
  year: 'Năm báo cáo',
  asOf: 'Số liệu tính đến ngày',
  dueDate: 'Hạn gửi báo cáo',
  compiledAt: 'Thời điểm tổng hợp',
  version: 'Lần tổng hợp',
  coordinator: 'Cơ quan tổng hợp',
  totalTasks: 'Tổng số nhiệm vụ',
  open: 'Đang thực hiện (chưa hoàn thành)',
  completed: 'Đã hoàn thành',
  cancelled: 'Nhiệm vụ đã hủy (không tính)',
  onTimeRate: 'Tỷ lệ hoàn thành đúng hạn',
  onTimeRateNote:
    'Tỷ lệ hoàn thành đúng hạn = số nhiệm vụ hoàn thành đúng hạn / (số nhiệm vụ đã hoàn thành + số nhiệm vụ đang thực hiện quá hạn); để trống khi chưa có nhiệm vụ nào đến hạn đánh giá.',
  agenciesRequested: 'Số đơn vị được đề nghị báo cáo',
  agenciesReported: 'Số đơn vị đã gửi báo cáo',
  agenciesReportedOnTime: 'Số đơn vị gửi báo cáo đúng hạn',
  agenciesMissing: 'Số đơn vị chưa gửi báo cáo',
  missingAgencies: 'Đơn vị chưa gửi báo cáo',
  number: 'STT',
  section: 'Mục',
  title: 'Tên nhiệm vụ',
  leadAgency: 'Đơn vị chủ trì',
  kind: 'Loại nhiệm vụ',
  status: 'Trạng thái',
  class: 'Kết quả',
  progress: 'Tiến độ (%)',
  progressSource: 'Nguồn số liệu tiến độ',
  fromReport: 'Báo cáo của đơn vị',
  fromTask: 'Theo dõi trên hệ thống',
  taskDueDate: 'Hạn hoàn thành',
  originalDueDate: 'Hạn ban đầu',
  completedOn: 'Ngày hoàn thành',
  note: 'Ghi chú',
  funding: 'Nguồn vốn',
  agencyCode: 'Mã đơn vị',
  agency: 'Đơn vị',
  total: 'Tổng số',
  completedOnTime: 'Hoàn thành đúng hạn',
  completedLate: 'Hoàn thành quá hạn',
  inProgressOnTime: 'Đang thực hiện trong hạn',
  overdue: 'Quá hạn',
  notStarted: 'Chưa triển khai',
  reportSubmitted: 'Đã gửi báo cáo',
  reportOnTime: 'Báo cáo đúng hạn',
  submittedAt: 'Ngày gửi báo cáo',
  summary: 'Tóm tắt báo cáo',
  yes: 'Có',
  no: 'Không',
  notRequested: 'Không được đề nghị',
  fundingSource: 'Nguồn vốn',
  taskCount: 'Số nhiệm vụ',
  itemsWithAmounts: 'Số nhiệm vụ có kinh phí',
  recurrent: 'Kinh phí sự nghiệp (triệu đồng)',
  investment: 'Vốn đầu tư phát triển (triệu đồng)',
  amountTotal: 'Tổng kinh phí (triệu đồng)',
  grandTotal: 'Tổng cộng',
  share: 'Tỷ lệ',
  noSection: 'Nhiệm vụ chung',
};

export type ReportText = Record<keyof typeof VI_TEXT, string>;

const EN_TEXT: ReportText = {
  sheetSummary: 'Summary',
  sheetTasks: 'Tasks',
  sheetAgencies: 'Agencies',
  sheetFunding: 'Funding',
  sheetCancelled: 'Cancelled tasks',
  indicator: 'Indicator',
  value: 'Value',
  plan: 'Plan',
  documentNumber: 'Document number',
  issuer: 'Issued by',
  issuedOn: 'Issued on',
  period: 'Period',
  year: 'Reporting year',
  asOf: 'Figures as of',
  dueDate: 'Reports due',
  compiledAt: 'Compiled at',
  version: 'Compilation',
  coordinator: 'Compiled by',
  totalTasks: 'Total tasks',
  open: 'Open (not completed)',
  completed: 'Completed',
  cancelled: 'Cancelled tasks (not counted)',
  onTimeRate: 'On-time completion rate',
  onTimeRateNote:
    'On-time rate = tasks completed on time / (completed tasks + open tasks past their due date); blank while no task has reached its deadline.',
  agenciesRequested: 'Agencies asked to report',
  agenciesReported: 'Agencies that reported',
  agenciesReportedOnTime: 'Agencies that reported on time',
  agenciesMissing: 'Agencies that have not reported',
  missingAgencies: 'Agencies yet to report',
  number: 'No.',
  section: 'Section',
  title: 'Task',
  leadAgency: 'Lead agency',
  kind: 'Kind',
  status: 'Status',
  class: 'Result',
  progress: 'Progress (%)',
  progressSource: 'Progress from',
  fromReport: "Agency's report",
  fromTask: 'Task tracking',
  taskDueDate: 'Due date',
  originalDueDate: 'Original due date',
  completedOn: 'Completed on',
  note: 'Note',
  funding: 'Funding',
  agencyCode: 'Agency code',
  agency: 'Agency',
  total: 'Total',
  completedOnTime: 'Completed on time',
  completedLate: 'Completed late',
  inProgressOnTime: 'In progress, within deadline',
  overdue: 'Overdue',
  notStarted: 'Not started',
  reportSubmitted: 'Report submitted',
  reportOnTime: 'Report on time',
  submittedAt: 'Report submitted on',
  summary: 'Report summary',
  yes: 'Yes',
  no: 'No',
  notRequested: 'Not requested',
  fundingSource: 'Funding source',
  taskCount: 'Tasks',
  itemsWithAmounts: 'Tasks with amounts',
  recurrent: 'Recurrent expenditure (million VND)',
  investment: 'Development investment (million VND)',
  amountTotal: 'Total (million VND)',
  grandTotal: 'Total',
  share: 'Share',
  noSection: 'General tasks',
};

export const REPORT_TEXT: Record<Language, ReportText> = { vi: VI_TEXT, en: EN_TEXT };

/** The words of a task list exported to a workbook, beside the report's own (REPORT_TEXT). */
const VI_LIST_TEXT = {
  sheetTasks: 'Nhiệm vụ',
  sheetAbout: 'Thông tin',
  plan: 'Kế hoạch',
  coordinatingAgencies: 'Cơ quan phối hợp',
  startDate: 'Ngày bắt đầu',
  overdueDays: 'Số ngày quá hạn',
  acknowledgedOn: 'Ngày tiếp nhận',
  exportedAt: 'Thời điểm xuất',
  exportedBy: 'Người xuất',
  taskCount: 'Số nhiệm vụ',
  filterPlan: 'Kế hoạch',
  filterAgency: 'Đơn vị chủ trì',
  filterStatus: 'Trạng thái',
  filterOverdue: 'Quá hạn',
  filterDueSoon: 'Sắp đến hạn (7 ngày tới)',
  filterSearch: 'Tên nhiệm vụ có chứa',
  filterParent: 'Thuộc nhiệm vụ',
  filterOwn: 'Phạm vi',
  ownAgency: 'Nhiệm vụ đơn vị chủ trì hoặc phối hợp',
  all: 'Tất cả',
  onlyThese: 'Chỉ các nhiệm vụ này',
  exceptThese: 'Trừ các nhiệm vụ này',
  fileName: 'nhiem-vu',
};

const EN_LIST_TEXT: Record<keyof typeof VI_LIST_TEXT, string> = {
  sheetTasks: 'Tasks',
  sheetAbout: 'About',
  plan: 'Plan',
  coordinatingAgencies: 'Coordinating agencies',
  startDate: 'Start date',
  overdueDays: 'Days overdue',
  acknowledgedOn: 'Acknowledged on',
  exportedAt: 'Exported at',
  exportedBy: 'Exported by',
  taskCount: 'Tasks',
  filterPlan: 'Plan',
  filterAgency: 'Lead agency',
  filterStatus: 'Status',
  filterOverdue: 'Overdue',
  filterDueSoon: 'Due within 7 days',
  filterSearch: 'Title contains',
  filterParent: 'Part of task',
  filterOwn: 'Scope',
  ownAgency: 'Tasks the agency leads or coordinates',
  all: 'All',
  onlyThese: 'Only these',
  exceptThese: 'All but these',
  fileName: 'tasks',
};

export const TASK_LIST_TEXT: Record<Language, Record<keyof typeof VI_LIST_TEXT, string>> = { vi: VI_LIST_TEXT, en: EN_LIST_TEXT };
