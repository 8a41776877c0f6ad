import type { Db } from '../client';
import { agencies, agencyAliases, agencyGroupMembers } from '../schema';
import type { AgencyKind } from '../../domain/vocabulary';
import { normalizeAgencyName, type DirectoryData } from '../../domain/agencies';
import {
  DEPARTMENTS,
  enterprises,
  GROUP_POST_TELECOM,
  GROUP_PRESS,
  GROUP_SBN,
  GROUP_TELECOM,
  GROUP_XA,
  MASS_ORGANISATIONS,
  PROVINCE_BODIES,
  PROVINCES,
  VERTICAL,
  type Entry,
  type SeedProvince,
} from './agency-data';

export { SEED_PROVINCES, type SeedProvince } from './agency-data';

export interface SeedAgency {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  emails: string[];
  aliases: string[];
}

/** The directory of one province as plain rows: what `seedAgencies` writes, and what tests resolve against. */
export interface SeedDirectory extends DirectoryData {
  agencies: SeedAgency[];
  aliases: { alias: string; agencyCode: string; normalized: string }[];
  groupMembers: { groupCode: string; memberCode: string }[];
}

export function agencySeed(province: SeedProvince): SeedDirectory {
  const spec = PROVINCES[province];
  const make = (e: Entry, kind: AgencyKind, withMail = true): SeedAgency => ({
    code: e.code,
    name: e.name,
    shortName: e.shortName ?? e.name,
    kind,
    emails: withMail ? [`vanthu.${e.mailbox ?? e.code.toLowerCase()}@${spec.domain}`] : [],
    aliases: e.aliases ?? [],
  });
  const departments = [...DEPARTMENTS, ...spec.extraDepartments].map((e) => make(e, 'department'));
  const offices = spec.offices.map((e) => make(e, 'province'));
  const press = spec.other.filter((e) => e.code === 'BAO' || e.code === 'DPTTH');
  const telecom = enterprises(spec.province);
  const list: SeedAgency[] = [
    ...offices,
    ...PROVINCE_BODIES.map((e) => make(e, 'province')),
    ...departments,
    ...VERTICAL.map((e) => make(e, 'vertical')),
    ...spec.other.map((e) => make(e, 'other')),
    ...MASS_ORGANISATIONS.map((e) => make(e, 'other')),
    ...telecom.map((e) => make(e, 'other')),
    ...spec.districts.map((e) => make(e, 'district')),
    make(GROUP_SBN, 'group', false),
    make(spec.districtGroup, 'group', false),
    make(GROUP_XA, 'group', false),
    make(GROUP_PRESS, 'group', false),
    make(GROUP_TELECOM, 'group', false),
    make(GROUP_POST_TELECOM, 'group', false),
  ];

  // One alias row per normalised form; a form that is already the agency's own name needs no row.
  const taken = new Set(list.flatMap((a) => [normalizeAgencyName(a.name), normalizeAgencyName(a.shortName)]));
  const aliases: { alias: string; agencyCode: string; normalized: string }[] = [];
  for (const a of list) {
    for (const alias of a.aliases) {
      const normalized = normalizeAgencyName(alias);
      if (!normalized || taken.has(normalized) || aliases.some((x) => x.normalized === normalized)) continue;
      aliases.push({ alias, agencyCode: a.code, normalized });
    }
  }

  const groupMembers = [
    ...[...offices, ...departments].map((m) => ({ groupCode: GROUP_SBN.code, memberCode: m.code })),
    ...spec.districts.map((d) => ({ groupCode: spec.districtGroup.code, memberCode: d.code })),
    ...press.map((m) => ({ groupCode: GROUP_PRESS.code, memberCode: m.code })),
    ...telecom.filter((m) => m.code !== 'BUUDIEN').map((m) => ({ groupCode: GROUP_TELECOM.code, memberCode: m.code })),
    ...telecom.map((m) => ({ groupCode: GROUP_POST_TELECOM.code, memberCode: m.code })),
  ];
  return { agencies: list, aliases, groupMembers };
}

/**
 * Write the seed directory of `province`. Idempotent: rows that exist (by code, alias or membership)
 * are left as they are, so an admin's later edits survive a second run.
 */
export async function seedAgencies(db: Db, opts: { province: SeedProvince }): Promise<{ agencies: number; aliases: number; members: number }> {
  const seed = agencySeed(opts.province);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(agencies)
      .values(seed.agencies.map(({ aliases: _aliases, ...a }) => ({ ...a, language: 'vi' as const })))
      .onConflictDoNothing()
      .returning({ code: agencies.code });
    const aliasRows = await tx.insert(agencyAliases).values(seed.aliases).onConflictDoNothing().returning({ normalized: agencyAliases.normalized });
    const memberRows = await tx.insert(agencyGroupMembers).values(seed.groupMembers).onConflictDoNothing().returning({ groupCode: agencyGroupMembers.groupCode });
    return { agencies: inserted.length, aliases: aliasRows.length, members: memberRows.length };
  });
}
