/**
 * The admin audit log: every configuration change by an administrator or a coordinator (users,
 * agencies, calendar, plans) is recorded by `recordAudit` in the transaction that makes it, and read
 * back page by page or exported whole as CSV or XLSX.
 */
import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_EXPORT_TEXT, AUDIT_TARGETS, AUDIT_VIAS, summaryText, type AuditAction, type AuditTarget, type AuditVia } from '../../domain/audit';
import { addDays, localDate, VIETNAM_UTC_OFFSET_HOURS } from '../../domain/calendar';
import { LANGUAGES, type Language } from '../../domain/vocabulary';
import type { AuthUser } from '../context';
import { unprocessable } from '../errors';
import { isoDate, pageLimit } from '../schemas';
import { addTable, neutraliseFormula, newWorkbook, workbookBuffer } from './xlsx-table';

export interface AuditActor {
  id: string | null;
  name: string;
  role: string;
  via?: AuditVia;
}

export interface AuditEntry {
  action: AuditAction;
  targetType: AuditTarget;
  targetId: string;
  targetLabel?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export const actorOf = (user: Pick<AuthUser, 'id' | 'name' | 'role'>, via: AuditVia = 'api'): AuditActor => ({ id: user.id, name: user.name, role: user.role, via });

/** The operator's shell tool (`npm run admin`): no account, full rights. */
export const CLI_ACTOR: AuditActor = { id: null, name: 'npm run admin', role: 'admin', via: 'cli' };
/** The service itself: the first admin it makes at start, setup code of tests and benchmarks. */
export const SYSTEM_ACTOR: AuditActor = { id: null, name: 'Giao việc', role: 'system', via: 'system' };

/** One row; pass the transaction that makes the change, so the change and its record stand or fall together. */
export async function recordAudit(db: Db | Tx, actor: AuditActor, entry: AuditEntry): Promise<number> {
  const [row] = await db
    .insert(auditLog)
    .values({
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      via: actor.via ?? 'api',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      targetLabel: entry.targetLabel ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .returning({ id: auditLog.id });
  return row!.id;
}

// ------------------------------------------------------------------------------------------ reading

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string().describe('ISO 8601'),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  via: z.enum(AUDIT_VIAS),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.enum(AUDIT_TARGETS),
  targetId: z.string(),
  targetLabel: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

const ACTION_FILTERS = [...AUDIT_ACTIONS, ...AUDIT_ACTION_GROUPS] as const;

export const auditQuery = z
  .object({
    from: isoDate.optional().describe('First day (Asia/Ho_Chi_Minh), YYYY-MM-DD'),
    to: isoDate.optional().describe('Last day (Asia/Ho_Chi_Minh), YYYY-MM-DD, included'),
    actor: z.uuid({ message: 'phải là mã người dùng (UUID)' }).optional().describe('Only what this user did'),
    action: z.enum(ACTION_FILTERS, { message: `phải là một thao tác (${AUDIT_ACTIONS.join(', ')}) hoặc một nhóm (${AUDIT_ACTION_GROUPS.join(', ')})` }).optional(),
    limit: pageLimit,
    cursor: z.string().regex(/^\d{1,18}$/, 'không hợp lệ').optional(),
    format: z.enum(['json', 'csv', 'xlsx'], { message: 'phải là json, csv hoặc xlsx' }).default('json'),
    lang: z.enum(LANGUAGES).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'không được trước ngày bắt đầu (from)' });
export type AuditQuery = z.output<typeof auditQuery>;

/** Midnight at the start of a local day, as an instant. */
const startOfLocalDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_UTC_OFFSET_HOURS * 3_600_000);

function filters(q: AuditQuery): SQL[] {
  const where: SQL[] = [];
  if (q.from) where.push(gte(auditLog.at, startOfLocalDay(q.from)));
  if (q.to) where.push(lt(auditLog.at, startOfLocalDay(addDays(q.to, 1))));
  if (q.actor) where.push(eq(auditLog.actorId, q.actor));
  if (q.action) where.push((AUDIT_ACTIONS as readonly string[]).includes(q.action) ? eq(auditLog.action, q.action as AuditAction) : like(auditLog.action, `${q.action}.%`));
  return where;
}

const view = (r: typeof auditLog.$inferSelect): AuditEntryView => ({ ...r, at: r.at.toISOString() });

/** Newest first; the cursor is the last row's id (ids only grow). */
export async function listAudit(db: Db, q: AuditQuery): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const where = filters(q);
  if (q.cursor) where.push(lt(auditLog.id, Number(q.cursor)));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map(view), nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null };
}

/** The most one export holds; years of an office's changes are far fewer. */
export const AUDIT_EXPORT_LIMIT = 50_000;

async function allMatching(db: Db, q: AuditQuery) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...filters(q)))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_EXPORT_LIMIT + 1);
  if (rows.length > AUDIT_EXPORT_LIMIT) {
    throw unprocessable(`Có hơn ${AUDIT_EXPORT_LIMIT.toLocaleString('vi-VN')} dòng khớp bộ lọc: hãy thu hẹp khoảng ngày rồi xuất lại.`, [
      { field: 'query', message: `nhiều hơn ${AUDIT_EXPORT_LIMIT.toLocaleString('vi-VN')} dòng` },
    ]);
  }
  return rows;
}

/** An instant as the province reads it, with its offset: 2026-11-28T09:15:02+07:00. */
function localTimestamp(at: Date): string {
  const shifted = new Date(at.getTime() + VIETNAM_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 19);
  return `${shifted}+0${VIETNAM_UTC_OFFSET_HOURS}:00`;
}

const ROLE_LABELS: Record<Language, Record<string, string>> = {
  vi: { admin: 'Quản trị', coordinator: 'Cơ quan theo dõi', agency: 'Đơn vị thực hiện', viewer: 'Lãnh đạo', system: 'Hệ thống' },
  en: { admin: 'Administrator', coordinator: 'Coordinator', agency: 'Agency', viewer: 'Leadership', system: 'System' },
};
const TARGET_LABELS: Record<Language, Record<AuditTarget, string>> = {
  vi: { user: 'Người dùng', agency: 'Cơ quan, đơn vị', calendar_day: 'Ngày trong lịch', plan: 'Kế hoạch', attachment: 'Tệp minh chứng' },
  en: { user: 'User', agency: 'Agency', calendar_day: 'Calendar day', plan: 'Plan', attachment: 'Evidence file' },
};
const VIA_LABELS: Record<Language, Record<AuditVia, string>> = {
  vi: { api: 'Giao diện, API', cli: 'Công cụ dòng lệnh', oidc: 'Đăng nhập tài khoản của tỉnh', system: 'Hệ thống' },
  en: { api: 'UI, API', cli: 'Command line', oidc: 'Province sign-in', system: 'The service' },
};

/** The file for `?format=csv|xlsx`: every matching row, newest first, in the reader's language. */
export async function exportAudit(db: Db, q: AuditQuery, language: Language): Promise<{ file: Buffer; fileName: string; type: string }> {
  const rows = await allMatching(db, q);
  const t = AUDIT_EXPORT_TEXT[language];
  const cells = (r: (typeof rows)[number]) => [
    r.actorName,
    ROLE_LABELS[language][r.actorRole] ?? r.actorRole,
    VIA_LABELS[language][r.via] ?? r.via,
    AUDIT_ACTION_LABELS[language][r.action] ?? r.action,
    r.action,
    TARGET_LABELS[language][r.targetType] ?? r.targetType,
    r.targetId,
    r.targetLabel ?? '',
    summaryText(r.before),
    summaryText(r.after),
  ];
  const baseName = `${t.fileName}-${localDate(Date.now())}`;
  if (q.format === 'csv') {
    // A byte-order mark, or Excel reads the Vietnamese as Windows-1252; text that looks like a formula stays text.
    const body = stringify([t.columns, ...rows.map((r) => [localTimestamp(r.at), ...cells(r)].map((c) => neutraliseFormula(c)))], { record_delimiter: 'windows' });
    return { file: Buffer.from(`\uFEFF${body}`, 'utf8'), fileName: `${baseName}.csv`, type: 'text/csv; charset=utf-8' };
  }
  const wb = newWorkbook({ creator: 'Giao việc', title: t.sheet, created: new Date() });
  const [when, ...rest] = t.columns;
  addTable(
    wb,
    t.sheet,
    [
      { header: when!, numFmt: 'dd/mm/yyyy hh:mm:ss', min: 18, max: 20 },
      ...rest.map((header, i) => ({ header, min: 10, max: i >= 8 ? 80 : 40, wrap: i >= 8 })),
    ],
    rows,
    // The sheet shows the province's wall-clock time: the serial is taken from the shifted instant.
    (r) => [new Date(r.at.getTime() + VIETNAM_UTC_OFFSET_HOURS * 3_600_000), ...cells(r)],
  );
  return { file: await workbookBuffer(wb), fileName: `${baseName}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
