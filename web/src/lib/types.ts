/**
 * The shapes the UI reads from the API (DESIGN.md §10). Vocabularies and the import and report
 * payloads come from the domain modules themselves, so the browser and the server cannot drift apart.
 */
import type { paths } from './api-schema';
import type { TaskStatus } from '../../../domain/task-status';
import type { AuditAction } from '../../../domain/audit';
import type { AgencyKind, Funding, FundingSource, Language, NotificationKind, OutboxStatus, Role, TaskKind } from '../../../domain/vocabulary';

export type { AuditAction, TaskStatus, AgencyKind, Funding, FundingSource, Language, NotificationKind, OutboxStatus, Role, TaskKind };
export type { ImportPreview, ImportRow, ImportProblem, ImportColumn, ParsedTask } from '../../../domain/import/types';
export type { ImportDryRun } from '../../../domain/import/diff';
export type { AnnualReport, ReportAgencyRow, ReportTaskRow } from '../../../domain/report/compile';
export type { TaskClass } from '../../../domain/report/classify';

/** The JSON body of a path's 200 answer, as the API documents it (api-schema.d.ts, generated from the route specs). */
type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type Me = Json<'/api/me', 'get'>;

export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  message: string;
  suggestions?: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Plan = Json<'/api/plans/{id}', 'get'>;

export interface Actor {
  userId?: string | null;
  name: string | null;
  role: string | null;
  agencyCode: string | null;
}

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

export interface Task {
  id: string;
  planId: string;
  parentId: string | null;
  isGroup: boolean;
  number: string | null;
  sectionCode: string | null;
  section: string | null;
  title: string;
  description: string | null;
  leadAgency: string;
  leadAgencyName: string | null;
  leadAgencyText: string | null;
  coordinatingAgencies: string[];
  kind: TaskKind;
  startDate: string;
  dueDate: string;
  originalDueDate: string;
  /** The deadline judged against: the due date, or a recurring task's report date of the year it owes (null: none owed). */
  currentDueDate: string | null;
  /** Recurring tasks: the year whose report `currentDueDate` is the deadline of. */
  reportYear: number | null;
  timeframeText: string | null;
  funding: Funding | null;
  note: string | null;
  status: TaskStatus;
  overdue: boolean;
  dueSoon: boolean;
  progress: number;
  extensionRequests: ExtensionRequest[];
  acknowledgedAt: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskEvent {
  seq: number;
  type: string;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus | null;
  actor: Actor;
  note: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

/** An evidence file as a report or comment cites it (in the event's data). */
export interface EvidenceFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** An evidence file of a task, as `GET /api/tasks/:id/attachments` lists it. */
export interface Attachment extends EvidenceFile {
  taskId: string;
  sha256: string;
  uploadedBy: { userId: string | null; name: string; role: string; agencyCode: string | null };
  createdAt: string;
  citedBy: { seq: number; type: string }[];
}

export interface TaskDetail extends Task {
  children: Task[];
  events: TaskEvent[];
}

/** One reminder of a task, planned or already sent. */
export interface Reminder {
  kind: NotificationKind | string;
  /** `agency:<code>`, `user:<id>`, `leadership`, or an address. */
  to: string[];
  cc?: string[];
  at: string;
  status: string;
  reason?: string | null;
}

export type Agency = Json<'/api/agencies/{code}', 'get'>;

export type PlanStats = Json<'/api/plans/{id}/stats', 'get'>;
/** A plan's, a section's or an agency's counts by class. */
export type Tally = PlanStats['totals'];

export type OutboxMessage = Json<'/api/outbox/{id}', 'get'>;

export type ImportJob = Json<'/api/plans/{id}/imports/{jobId}', 'get'>;

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'off' | 'work';
  name: string;
  source: 'law' | 'decree' | 'admin';
}

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyCode: string | null;
  language: Language;
  status: 'active' | 'disabled' | 'revoked';
  disabledAt: string | null;
  revokedAt: string | null;
  provinceAccount: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

/** A line of the admin audit log (GET /api/audit-log). */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  via: 'api' | 'cli' | 'oidc' | 'system';
  action: AuditAction;
  targetType: 'user' | 'agency' | 'calendar_day' | 'plan';
  targetId: string;
  targetLabel: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
