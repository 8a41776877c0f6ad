/**
 * Which task events someone must hear about by mail (DESIGN.md §6, last row: "the other side").
 * Acknowledgements and progress reports are not mailed: the coordinator follows them on the dashboard.
 */
import type { Audience } from './reminder-plan';
import type { TaskEvent } from './task-machine';
import type { NotificationKind } from './vocabulary';

export interface EventNotification {
  kind: NotificationKind;
  to: Audience[];
  cc: Audience[];
  /** Agencies addressed by code: those a comment names. */
  agencyCodes?: string[];
}

const RULES: Record<string, EventNotification> = {
  // A new assignment is batched with the day's reminders, so a 200-task import is one mail per agency.
  created: { kind: 'task_assigned', to: ['lead'], cc: ['coordinating'] },
  reassigned: { kind: 'task_assigned', to: ['lead'], cc: [] },
  extension_requested: { kind: 'status_change', to: ['coordinator'], cc: [] },
  extension_approved: { kind: 'status_change', to: ['lead'], cc: [] },
  extension_rejected: { kind: 'status_change', to: ['lead'], cc: [] },
  completion_submitted: { kind: 'status_change', to: ['coordinator'], cc: [] },
  completion_returned: { kind: 'status_change', to: ['lead'], cc: [] },
  completion_accepted: { kind: 'status_change', to: ['lead'], cc: [] },
  cancelled: { kind: 'status_change', to: ['lead'], cc: ['coordinating'] },
  contribution_added: { kind: 'status_change', to: ['lead'], cc: [] },
};

export function notificationForEvent(event: TaskEvent, isGroup: boolean): EventNotification | undefined {
  // The agencies a comment names hear of it in their digest (a group's too); nobody is told of their own words.
  if (event.type === 'commented') {
    const named = Array.isArray(event.data.mentions) ? (event.data.mentions as string[]).filter((c) => c !== event.actor.agencyCode) : [];
    return named.length ? { kind: 'mention', to: [], cc: [], agencyCodes: named } : undefined;
  }
  // A group parent has no lead of its own to tell; its children carry the news.
  if (isGroup) return undefined;
  if (event.type === 'edited' && 'dueDate' in event.data) return { kind: 'status_change', to: ['lead'], cc: [] };
  // The successor of a merged agency learns that it now leads the task.
  if (event.type === 'transferred') return event.data.asLead ? { kind: 'task_assigned', to: ['lead'], cc: [] } : undefined;
  return RULES[event.type];
}
