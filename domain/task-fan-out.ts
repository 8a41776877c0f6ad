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
