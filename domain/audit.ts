/**
 * The admin audit log's vocabulary: what can be recorded, about what, and how a change is summarised.
 * Pure, so the API, the exports and the tests share one list.
 */
import type { Language } from './vocabulary';

export const AUDIT_ACTIONS = [
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.token_rotate',
  'user.token_revoke',
  'user.sign_in_link',
  'user.oidc_link',
  'agency.create',
  'agency.update',
  'agency.merge',
  'agency.alias',
  'calendar.amend',
  'calendar.remove',
  'plan.create',
  'plan.update',
  'attachment.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGETS = ['user', 'agency', 'calendar_day', 'plan', 'attachment'] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

/**
 * How the change arrived: the API, the operator's shell tool, a sign-in through the province's
 * identity provider, or the service itself (the first admin made at start).
 */
export const AUDIT_VIAS = ['api', 'cli', 'oidc', 'system'] as const;
export type AuditVia = (typeof AUDIT_VIAS)[number];

/** The filter `action=` takes: one action, or every action on one kind of target (`user`, `agency`…). */
export const AUDIT_ACTION_GROUPS = ['user', 'agency', 'calendar', 'plan', 'attachment'] as const;

export const AUDIT_ACTION_LABELS: Record<Language, Record<AuditAction, string>> = {
  vi: {
    'user.create': 'Tạo tài khoản',
    'user.update': 'Sửa tài khoản',
    'user.disable': 'Khóa tài khoản',
    'user.enable': 'Mở khóa tài khoản',
    'user.token_rotate': 'Cấp mã truy cập mới',
    'user.token_revoke': 'Thu hồi mã truy cập',
    'user.sign_in_link': 'Cấp liên kết đăng nhập',
    'user.oidc_link': 'Liên kết tài khoản của tỉnh',
    'agency.create': 'Thêm cơ quan, đơn vị',
    'agency.update': 'Sửa cơ quan, đơn vị',
    'agency.merge': 'Sáp nhập đơn vị',
    'agency.alias': 'Thêm tên gọi khác (khi nhập phụ lục)',
    'calendar.amend': 'Điều chỉnh ngày nghỉ, ngày làm bù',
    'calendar.remove': 'Bỏ điều chỉnh ngày',
    'plan.create': 'Tạo kế hoạch',
    'plan.update': 'Sửa kế hoạch, cấu hình',
    'attachment.delete': 'Xóa tệp minh chứng chưa gửi kèm báo cáo',
  },
  en: {
    'user.create': 'Account created',
    'user.update': 'Account changed',
    'user.disable': 'Account disabled',
    'user.enable': 'Account enabled',
    'user.token_rotate': 'New access token issued',
    'user.token_revoke': 'Access revoked',
    'user.sign_in_link': 'Sign-in link issued',
    'user.oidc_link': 'Linked to the province account',
    'agency.create': 'Agency added',
    'agency.update': 'Agency changed',
    'agency.merge': 'Agency merged',
    'agency.alias': 'Alias added (during an import)',
    'calendar.amend': 'Calendar day amended',
    'calendar.remove': 'Calendar amendment removed',
    'plan.create': 'Plan created',
    'plan.update': 'Plan or its settings changed',
    'attachment.delete': 'Evidence file withdrawn before any report cited it',
  },
};

/** Column headings of the exports, in the reader's language. */
export const AUDIT_EXPORT_TEXT: Record<Language, { sheet: string; fileName: string; columns: readonly string[] }> = {
  vi: {
    sheet: 'Nhật ký quản trị',
    fileName: 'nhat-ky-quan-tri',
    columns: ['Thời điểm', 'Người thực hiện', 'Vai trò', 'Qua', 'Thao tác', 'Mã thao tác', 'Đối tượng', 'Mã đối tượng', 'Tên đối tượng', 'Trước', 'Sau'],
  },
  en: {
    sheet: 'Admin audit log',
    fileName: 'admin-audit-log',
    columns: ['When', 'By', 'Role', 'Via', 'Action', 'Action code', 'Target', 'Target id', 'Target name', 'Before', 'After'],
  },
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that changed between two states, each side holding only those: the log says what an
 * edit did, not the whole record twice. Keys missing on one side count as `null` there.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[key] ?? null;
    const a = after[key] ?? null;
    if (same(b, a)) continue;
    out.before[key] = b;
    out.after[key] = a;
  }
  return out;
}

/** A summary as one line of text for a spreadsheet cell: `field: value; field: value`. */
export function summaryText(summary: Record<string, unknown> | null | undefined): string {
  if (!summary) return '';
  return Object.entries(summary)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}
