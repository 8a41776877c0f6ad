/**
 * Who receives a task whose lead names one agency, several, or a group ("UBND các huyện, thành phố"):
 * a single agency gets the task itself; otherwise a parent task follows one child per agency, each
 * acknowledged and closed by its own agency. Pure: task creation by hand and by import both use it.
 */
export interface LeadAgency {
  code: string;
  /** The members of a group (empty for an agency, or a group without members, which leads itself). */
  members: readonly string[];
}

export interface FanOut {
  /** The parent's lead (the first named) when the task fans out; null when one agency has it. */
  parentLead: string | null;
  /** Each agency that gets a task of its own, in the order named. */
  assignees: string[];
}

export function fanOut(leads: readonly LeadAgency[]): FanOut {
  const assignees = [...new Set(leads.flatMap((l) => (l.members.length ? l.members : [l.code])))];
  // A group of one member is that agency: nothing to follow across agencies.
  return { parentLead: assignees.length > 1 ? leads[0]!.code : null, assignees };
}

/** Where one row of a task sits: its id and lead, and whether it is the group parent or a child of it. */
export interface FanOutPlace {
  id: string;
  leadAgencyCode: string;
  isGroup: boolean;
  parentId: string | null;
}

/**
 * The rows of one task, as creation by hand and by import both insert them: the task itself for one
 * agency, else the parent first and one child per assignee. `newId` names each row (ids come from the
 * caller: domain code draws no randomness); `row` fills in the rest of a row from its place.
 */
export function fanOutRows<R>(leads: readonly LeadAgency[], newId: () => string, row: (place: FanOutPlace) => R): R[] {
  const { parentLead, assignees } = fanOut(leads);
  if (!parentLead) return [row({ id: newId(), leadAgencyCode: assignees[0]!, isGroup: false, parentId: null })];
  const parentId = newId();
  return [
    row({ id: parentId, leadAgencyCode: parentLead, isGroup: true, parentId: null }),
    ...assignees.map((leadAgencyCode) => row({ id: newId(), leadAgencyCode, isGroup: false, parentId })),
  ];
}
