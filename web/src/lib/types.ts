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
export type { ReportAgencyRow, ReportTaskRow } from '../../../domain/report/types';
export type { TaskClass } from '../../../domain/report/classify';

/** The JSON body of a path's 200 answer, as the API documents it (api-schema.d.ts, generated from the route specs). */
type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

/** The query a path's GET takes. */
type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

export type Me = Json<'/api/me', 'get'>;

/** One problem of a refused request, as every error reply words it. */
export type ErrorDetail = paths['/api/me']['get']['responses'][401]['content']['application/json']['error']['details'][number];

export type Plan = Json<'/api/plans/{id}', 'get'>;

export type Task = Json<'/api/tasks', 'get'>['items'][number];
export type TaskQuery = QueryOf<'/api/tasks'>;
export type TaskDetail = Json<'/api/tasks/{id}', 'get'>;
export type TaskEvent = TaskDetail['events'][number];
export type ExtensionRequest = Task['extensionRequests'][number];
export type Actor = ExtensionRequest['requestedBy'];

/** An evidence file of a task, as `GET /api/tasks/:id/attachments` lists it. */
export type Attachment = Json<'/api/tasks/{id}/attachments', 'get'>['items'][number];
/** An evidence file as a report or comment cites it (in the event's data). */
export type EvidenceFile = Pick<Attachment, 'id' | 'fileName' | 'contentType' | 'size'>;

/** One reminder of a task, planned or already sent. */
export type Reminder = Json<'/api/tasks/{id}/reminders', 'get'>['items'][number];

export type Agency = Json<'/api/agencies/{code}', 'get'>;

export type PlanStats = Json<'/api/plans/{id}/stats', 'get'>;
/** A plan's, a section's or an agency's counts by class. */
export type Tally = PlanStats['totals'];

export type OutboxMessage = Json<'/api/outbox/{id}', 'get'>;
export type OutboxQuery = QueryOf<'/api/outbox'>;

export type ImportJob = Json<'/api/plans/{id}/imports/{jobId}', 'get'>;

export type AnnualCycle = Json<'/api/plans/{id}/annual-cycles/{year}', 'get'>;
/** The compiled report as JSON (api/services/annual-report-schema.ts: domain/report's AnnualReport). */
export type AnnualReport = Json<'/api/plans/{id}/annual-cycles/{year}/report', 'get'>;

type ImportReply = paths['/api/plans/{id}/import']['post']['responses'][200 | 202]['content']['application/json'];
/** A dry run's answer: the preview and, for a plan imported before, the diff. */
export type ImportDryRun = Exclude<ImportReply, { alreadyImported: boolean }>;
/** A commit's answer: the import job (202), or that this file was imported already (200). */
export type CommitReply = Extract<ImportReply, { alreadyImported: boolean }>;

export type CalendarDay = Json<'/api/calendar/holidays', 'get'>['items'][number];

export type UserRow = Json<'/api/users', 'get'>['items'][number];

/** A line of the admin audit log (GET /api/audit-log). */
export type AuditEntry = Json<'/api/audit-log', 'get'>['items'][number];
export type AuditQuery = QueryOf<'/api/audit-log'>;
