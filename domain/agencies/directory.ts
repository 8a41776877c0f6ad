import type { AgencyKind } from '../vocabulary';
import { splitCount, splitLevelLabels } from './cell';
import { foldVietnamese, isVaguePhrase, normalizeAgencyName } from './normalize';

/** An agency as the directory holds it (the `agencies` table's columns that resolution needs). */
export interface DirectoryAgency {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  active?: boolean;
  /** Set when a reorganisation merged this agency into another: names of the old one resolve to the new. */
  mergedInto?: string | null;
}

export interface DirectoryAlias {
  alias: string;
  agencyCode: string;
}

export interface DirectoryGroupMember {
  groupCode: string;
  memberCode: string;
}

export interface DirectoryData {
  agencies: readonly DirectoryAgency[];
  aliases: readonly DirectoryAlias[];
  groupMembers: readonly DirectoryGroupMember[];
}

/** A name resolved to an agency; for a group, `members` lists the member agencies (empty: the group itself leads). */
export interface ResolvedAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  members: string[];
  active: boolean;
  /** The text of the cell that named it. */
  text: string;
}

export interface UnresolvedName {
  text: string;
  /** Up to 3 names of agencies that are spelled closest. */
  suggestions: string[];
}

/** One name of a cell as the document wrote it, in the cell's order (repeats included). */
export interface CellPart {
  /** As written, count included: "19 Sở, Ban, ngành". */
  text: string;
  /** The level label the cell puts the name under ("Cấp tỉnh"), when it labels its parts. */
  level?: string;
  status: 'agency' | 'vague' | 'unresolved';
  /** The agency it resolved to, when `status` is `agency`. */
  code?: string;
  /** The number of agencies written with the name, as written ("09" of "09 UBND cấp huyện"). */
  count?: string;
  /** For a group: how many active members the directory lists (0: the group itself leads). */
  memberCount?: number;
}

/** Something the user should see about a cell that still resolved, such as a count that does not add up. */
export interface CellNote {
  severity: 'warning';
  /** The part concerned, as written. */
  text: string;
  message: string;
}

export interface ResolvedCell {
  /** Each agency once, in the order the cell names them. */
  agencies: ResolvedAgency[];
  /** Phrases such as "Các cơ quan liên quan" that name nobody in particular. */
  vague: string[];
  unresolved: UnresolvedName[];
  parts: CellPart[];
  notes: CellNote[];
}

/** Separators between the names of one cell. "và" and "&" only split where both sides resolve. */
const SEPARATOR = /(\s*[,;\n\r]+\s*|\s+(?:và|va|&)\s+)/iu;

/** How many comma pieces one name may span ("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh" spans 3). */
const MAX_PIECES_PER_NAME = 8;

/** Words a new agency name starts with: where an unknown name stops and the next one begins. */
const NAME_HEADS =
  /^(?:cac|so|ubnd|uy ban|ban|vp|van phong|cong an|toa|tand|vien|vksnd|bo|dai|thanh tra|trung tam|cuc|chi cuc|kho bac|ngan hang|bao hiem|hoi|lien doan|lien hiep|doan|truong|bao|mat tran|tinh uy|huyen uy|thanh uy|bch|bchqs|tp|tx|huyen|xa|phuong|tinh doan|viettel|vnpt|mobifone|buu dien)\b/;

const SUGGESTION_LIMIT = 3;

/** The warning for a count that differs from what the directory holds ("19 Sở, Ban, ngành" against 20 members). */
function countNote(text: string, count: string, agency: ResolvedAgency): CellNote | undefined {
  const written = Number(count);
  if (agency.kind !== 'group') {
    if (written === 1) return undefined;
    return { severity: 'warning', text, message: `"${text}": văn bản ghi ${count} đơn vị, nhưng "${agency.name}" là một đơn vị.` };
  }
  const members = agency.members.length;
  if (written === members) return undefined;
  const message = members
    ? `"${text}": văn bản ghi ${count} đơn vị, còn nhóm "${agency.name}" trong danh mục có ${members} thành viên; hãy kiểm tra thành viên của nhóm.`
    : `"${text}": văn bản ghi ${count} đơn vị, còn nhóm "${agency.name}" chưa có thành viên nào trong danh mục nên cả nhóm nhận một nhiệm vụ; hãy thêm thành viên cho nhóm nếu mỗi đơn vị cần nhiệm vụ riêng.`;
  return { severity: 'warning', text, message };
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The agency directory in memory, for resolving the names a plan appendix uses. Built from plain
 * rows (the API loads them from Postgres; tests pass arrays), so resolution itself is pure.
 */
export class AgencyDirectory {
  private readonly byCode = new Map<string, DirectoryAgency>();
  private readonly byKey = new Map<string, string>();
  private readonly members = new Map<string, string[]>();
  /** Normalised names and aliases per agency, for suggestions. */
  private readonly keysByCode = new Map<string, Set<string>>();

  constructor(data: DirectoryData) {
    for (const a of data.agencies) this.byCode.set(a.code, a);
    // Explicit names and aliases take precedence over codes typed as names.
    const add = (key: string, code: string, suggestable: boolean) => {
      if (!key) return;
      if (!this.byKey.has(key)) this.byKey.set(key, code);
      if (suggestable) {
        let keys = this.keysByCode.get(code);
        if (!keys) this.keysByCode.set(code, (keys = new Set()));
        keys.add(key);
      }
    };
    for (const a of data.agencies) add(normalizeAgencyName(a.name), a.code, true);
    for (const al of data.aliases) if (this.byCode.has(al.agencyCode)) add(normalizeAgencyName(al.alias), al.agencyCode, true);
    for (const a of data.agencies) add(normalizeAgencyName(a.shortName), a.code, true);
    for (const a of data.agencies) add(normalizeAgencyName(a.code), a.code, false);
    for (const m of data.groupMembers) {
      const list = this.members.get(m.groupCode) ?? [];
      list.push(m.memberCode);
      this.members.set(m.groupCode, list);
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): DirectoryAgency | undefined {
    return this.byCode.get(code);
  }

  /** Every agency, in the order given. */
  list(): DirectoryAgency[] {
    return [...this.byCode.values()];
  }

  /** Follow "merged into" to the agency that carries on today (a cycle stops where it closes). */
  private current(code: string): DirectoryAgency | undefined {
    let agency = this.byCode.get(code);
    const seen = new Set<string>();
    while (agency?.mergedInto && !seen.has(agency.code)) {
      seen.add(agency.code);
      const next = this.byCode.get(agency.mergedInto);
      if (!next) break;
      agency = next;
    }
    return agency;
  }

  /** Active member codes of a group, merged members replaced by their successors. */
  membersOf(code: string): string[] {
    const out = new Set<string>();
    for (const m of this.members.get(code) ?? []) {
      const member = this.current(m);
      if (member && member.active !== false) out.add(member.code);
    }
    return [...out];
  }

  /** The agency one name means, or `undefined`. */
  resolve(name: string): ResolvedAgency | undefined {
    const code = this.byKey.get(normalizeAgencyName(name));
    if (!code) return undefined;
    const agency = this.current(code);
    if (!agency) return undefined;
    return {
      code: agency.code,
      name: agency.name,
      kind: agency.kind,
      members: agency.kind === 'group' ? this.membersOf(agency.code) : [],
      active: agency.active !== false,
      text: name.trim(),
    };
  }

  /** Up to 3 agency names spelled closest to `name`, best first. */
  suggest(name: string): string[] {
    return this.suggestAgencies(name).map((a) => a.name);
  }

  /** Up to 3 agencies whose names are spelled closest to `name`, best first. */
  suggestAgencies(name: string): { code: string; name: string }[] {
    const q = normalizeAgencyName(name);
    if (!q) return [];
    const scored: { code: string; name: string; score: number }[] = [];
    for (const [code, keys] of this.keysByCode) {
      const agency = this.byCode.get(code);
      if (!agency || agency.active === false) continue;
      let best = Infinity;
      for (const key of keys) {
        const distance = editDistance(q, key) / Math.max(q.length, key.length);
        // A name that contains the other ("Sở Thông tin" in "Sở Thông tin và Truyền thông") is close too.
        const contained = Math.min(q.length, key.length) >= 6 && (key.includes(q) || q.includes(key)) ? 0.3 : Infinity;
        best = Math.min(best, distance, contained);
      }
      if (best <= 0.45) scored.push({ code, name: agency.name, score: best });
    }
    scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'vi'));
    return scored.slice(0, SUGGESTION_LIMIT).map(({ code, name }) => ({ code, name }));
  }

  /**
   * Every agency a cell names. Names are matched longest first across separators, because commas
   * and "và" also occur inside names ("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", "UBND các huyện,
   * thành phố"); what is left is either vague ("các cơ quan liên quan") or unresolved. A cell
   * labelled by level ("Cấp tỉnh: …  Cấp huyện: …") is cut at its labels first, and a name may be
   * written with the number of agencies it stands for ("19 Sở, Ban, ngành"), which is checked against
   * the group's members.
   */
  resolveCell(text: string): ResolvedCell {
    const result: ResolvedCell = { agencies: [], vague: [], unresolved: [], parts: [], notes: [] };
    const seen = new Set<string>();
    for (const segment of splitLevelLabels(text.normalize('NFC'))) this.resolveSegment(segment.text, segment.level, result, seen);
    return result;
  }

  private resolveSegment(text: string, level: string | undefined, result: ResolvedCell, seen: Set<string>): void {
    const parts = text.split(SEPARATOR);
    // parts alternates piece, separator, piece, …
    const pieces: string[] = [];
    const seps: string[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      pieces.push(parts[i] ?? '');
      if (i + 1 < parts.length) seps.push(parts[i + 1]!);
    }
    const span = (from: number, to: number) => {
      let s = pieces[from]!;
      for (let k = from + 1; k <= to; k++) s += seps[k - 1]! + pieces[k]!;
      return s.replace(/^[\s\-+•.*:]+|[\s,;.:]+$/g, '').trim();
    };
    const isEmpty = (i: number) => !normalizeAgencyName(pieces[i]!);
    const addPart = (part: Omit<CellPart, 'level'>) => result.parts.push(level ? { ...part, level } : part);

    type Match = { to: number; text: string; agency?: ResolvedAgency; vague?: boolean; count?: string };
    const matchAt = (i: number): Match | undefined => {
      for (let j = Math.min(pieces.length - 1, i + MAX_PIECES_PER_NAME - 1); j >= i; j--) {
        const t = span(i, j);
        if (!t) continue;
        const agency = this.resolve(t);
        if (agency) return { to: j, text: t, agency: { ...agency, text: t } };
        // "19 Sở, Ban, ngành", "UBND các huyện (09 huyện)": the count is not part of the name.
        const counted = splitCount(t);
        const countedAgency = counted && this.resolve(counted.rest);
        if (countedAgency) return { to: j, text: t, agency: { ...countedAgency, text: t }, count: counted.count };
        if (isVaguePhrase(t)) return { to: j, text: t, vague: true };
        if (counted && isVaguePhrase(counted.rest)) return { to: j, text: t, vague: true, count: counted.count };
      }
      return undefined;
    };

    let i = 0;
    while (i < pieces.length) {
      if (isEmpty(i)) {
        i++;
        continue;
      }
      const m = matchAt(i);
      if (m?.agency) {
        const a = m.agency;
        if (!seen.has(a.code)) {
          seen.add(a.code);
          result.agencies.push(a);
        }
        const part: Omit<CellPart, 'level'> = { text: m.text, status: 'agency', code: a.code };
        if (m.count) part.count = m.count;
        if (a.kind === 'group') part.memberCount = a.members.length;
        addPart(part);
        const note = m.count ? countNote(m.text, m.count, a) : undefined;
        if (note) result.notes.push(note);
        i = m.to + 1;
        continue;
      }
      if (m?.vague) {
        result.vague.push(m.text);
        addPart(m.count ? { text: m.text, status: 'vague', count: m.count } : { text: m.text, status: 'vague' });
        i = m.to + 1;
        continue;
      }
      // An unknown name runs on until a known name starts, or a comma is followed by what looks like a new name.
      let k = i + 1;
      while (k < pieces.length) {
        if (!isEmpty(k)) {
          const head = foldVietnamese(pieces[k]!.trim()).replace(/^\d{1,3}\s+/, '');
          const startsName = /[,;\n\r]/.test(seps[k - 1]!) && NAME_HEADS.test(head);
          if (startsName || matchAt(k)) break;
        }
        k++;
      }
      const unknown = span(i, k - 1);
      if (unknown) {
        result.unresolved.push({ text: unknown, suggestions: this.suggest(splitCount(unknown)?.rest ?? unknown) });
        addPart({ text: unknown, status: 'unresolved' });
      }
      i = k;
    }
  }
}
