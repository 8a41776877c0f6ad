/**
 * Who gets what: a notification's audiences resolved to recipients (an agency's mailbox or a leader's
 * account), and a recipient's name, language and addresses as they are when the message is written.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { log } from '@temporalio/activity';
import type { Db, Tx } from '../../db/client';
import { agencies, agencyGroupMembers, plans, tasks, users } from '../../db/schema';
import type { Audience } from '../../domain/reminder-plan';
import type { Language } from '../../domain/vocabulary';
import type { ParsedNotification } from './types';

export interface ResolvedRecipient {
  recipient: string;
  agencyCode: string | null;
  userId: string | null;
  role: Audience | null;
  copy: boolean;
}

export interface Profile {
  name: string;
  language: Language;
  agencyCode: string | null;
  to: string[];
  cc: string[];
}

const agencyRecipient = (code: string) => `agency:${code}`;
const userRecipient = (id: string) => `user:${id}`;

const uniqueEmails = (emails: string[]): string[] => {
  const seen = new Set<string>();
  return emails
    .map((e) => e.trim())
    .filter((e) => {
      const k = e.toLowerCase();
      if (!e || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
};

/** For each group among `codes` ("UBND các huyện, thành phố"), its members: one query for all audiences. */
async function groupMembers(db: Db, codes: string[]): Promise<Map<string, string[]>> {
  const members = codes.length
    ? await db
        .select({ group: agencyGroupMembers.groupCode, member: agencyGroupMembers.memberCode })
        .from(agencyGroupMembers)
        .where(inArray(agencyGroupMembers.groupCode, [...new Set(codes)]))
        .orderBy(asc(agencyGroupMembers.memberCode))
    : [];
  const byGroup = new Map<string, string[]>();
  for (const m of members) byGroup.set(m.group, [...(byGroup.get(m.group) ?? []), m.member]);
  return byGroup;
}

export async function resolveRecipients(db: Db, input: ParsedNotification): Promise<ResolvedRecipient[]> {
  // The task with its plan's coordinator, or the plan alone: one query either way.
  const [found] = input.taskId
    ? await db
        .select({ lead: tasks.leadAgencyCode, coordinating: tasks.coordinatingAgencyCodes, coordinator: plans.coordinatorAgencyCode, settings: plans.settings })
        .from(tasks)
        .innerJoin(plans, eq(plans.id, tasks.planId))
        .where(eq(tasks.id, input.taskId))
    : [];
  if (input.taskId && !found) log.warn('notification about a task with no row', { taskId: input.taskId, key: input.key });
  const task = found && { lead: found.lead, coordinating: found.coordinating };
  const plan = found ?? (await db.select({ coordinator: plans.coordinatorAgencyCode, settings: plans.settings }).from(plans).where(eq(plans.id, input.planId)))[0];
  const coordinator = plan?.coordinator;
  // The plan may name which leadership accounts hear of its escalations; otherwise every viewer does.
  const chosenLeaders = plan?.settings.escalation?.leadershipUserIds ?? [];

  const codesOf = (audience: Audience): string[] => {
    if (audience === 'lead' && task) return [task.lead];
    if (audience === 'coordinating' && task) return task.coordinating;
    if (audience === 'coordinator' && coordinator) return [coordinator];
    return [];
  };
  const audiences = [...input.to, ...input.cc];
  const members = await groupMembers(db, [...audiences.flatMap(codesOf), ...(input.agencyCodes ?? [])]);
  // Plain codes first, then the groups' members in code order.
  const expand = (codes: string[]) => [...new Set([...codes.filter((c) => !members.has(c)), ...codes.flatMap((c) => members.get(c) ?? []).sort()])];
  const viewers = audiences.includes('leadership')
    ? await db
        .select({ id: users.id, agencyCode: users.agencyCode })
        .from(users)
        .where(and(eq(users.role, 'viewer'), isNull(users.disabledAt), ...(chosenLeaders.length ? [inArray(users.id, chosenLeaders)] : [])))
        .orderBy(asc(users.createdAt))
    : [];

  const out = new Map<string, ResolvedRecipient>();
  const add = (r: ResolvedRecipient) => {
    // The addressee's own copy wins over a copy "để phối hợp" to the same recipient.
    const had = out.get(r.recipient);
    if (!had || (had.copy && !r.copy)) out.set(r.recipient, r);
  };
  const resolve = (audience: Audience, copy: boolean) => {
    if (audience === 'leadership') {
      for (const v of viewers) add({ recipient: userRecipient(v.id), agencyCode: v.agencyCode, userId: v.id, role: audience, copy });
      return;
    }
    for (const code of expand(codesOf(audience))) add({ recipient: agencyRecipient(code), agencyCode: code, userId: null, role: audience, copy });
  };
  for (const audience of input.to) resolve(audience, false);
  for (const code of expand(input.agencyCodes ?? [])) add({ recipient: agencyRecipient(code), agencyCode: code, userId: null, role: null, copy: false });
  for (const audience of input.cc) resolve(audience, true);
  return [...out.values()];
}

/** Name, language and addresses as they are now: an address added since the firing is used. */
export async function profileOf(tx: Db | Tx, recipient: string): Promise<Profile> {
  if (recipient.startsWith('user:')) {
    const [u] = await tx.select().from(users).where(eq(users.id, recipient.slice(5)));
    if (!u) return { name: recipient, language: 'vi', agencyCode: null, to: [], cc: [] };
    return { name: u.name, language: u.language, agencyCode: u.agencyCode, to: u.disabledAt ? [] : uniqueEmails([u.email]), cc: [] };
  }
  const code = recipient.slice('agency:'.length);
  const [a] = await tx.select().from(agencies).where(eq(agencies.code, code));
  const clerks = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.agencyCode, code), eq(users.role, 'agency'), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt));
  // The agency's official mailbox (văn thư) is addressed; its clerks in the system are copied.
  const official = uniqueEmails(a?.emails ?? []);
  const personal = uniqueEmails(clerks.map((c) => c.email)).filter((e) => !official.some((o) => o.toLowerCase() === e.toLowerCase()));
  return {
    name: a?.name ?? code,
    language: a?.language ?? 'vi',
    agencyCode: code,
    to: official.length ? official : personal,
    cc: official.length ? personal : [],
  };
}
