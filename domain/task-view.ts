/**
 * A task as the API shows it (DESIGN.md §10), plus what the UI needs to act on it. Declared here, not
 * inferred from the read model's query, because workflows carry it too: a command's Update answers with
 * the task as its projection wrote it (workflows/types `CommandAnswer`), and workflow code reads no db/.
 */
import type { ExtensionRequest } from './task-machine';
import type { TaskStatus } from './task-status';
import type { Funding, TaskKind } from './vocabulary';

export interface TaskView {
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
  /** The deadline the task is judged against (domain/deadline `currentDueDate`); null: nothing owed. */
  currentDueDate: string | null;
  /** The year whose report a recurring task owes next ("Hạn báo cáo năm 2026: 20/12/2026"). */
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
