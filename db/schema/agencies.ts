import { relations } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { AgencyKind, Language } from '../../domain/vocabulary';
import { lifecycleDates } from './lifecycle';

/** The agency directory: sở, ban, ngành, UBND huyện, đơn vị ngành dọc, and groups of them. */
export const agencies = pgTable(
  'agencies',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind').$type<AgencyKind>().notNull(),
    parentCode: text('parent_code'),
    emails: jsonb('emails').$type<string[]>().notNull().default([]),
    language: text('language').$type<Language>().notNull().default('vi'),
    active: boolean('active').notNull().default(true),
    /** Set when a reorganisation merged this agency into another (its history keeps this name). */
    mergedInto: text('merged_into'),
    mergedOn: date('merged_on', { mode: 'string' }),
    ...lifecycleDates,
  },
  (t) => [index('agencies_parent_idx').on(t.parentCode)],
);

/** Names as documents write them ("Sở TTTT", "VP UBND tỉnh"), keyed by their normalised form. */
export const agencyAliases = pgTable(
  'agency_aliases',
  {
    normalized: text('normalized').primaryKey(),
    alias: text('alias').notNull(),
    agencyCode: text('agency_code')
      .notNull()
      .references(() => agencies.code, { onDelete: 'cascade', onUpdate: 'cascade' }),
    /** Set for a former name: the last day the agency bore it. Older appendices and reports still resolve it. */
    usedUntil: date('used_until', { mode: 'string' }),
  },
  (t) => [index('agency_aliases_agency_idx').on(t.agencyCode)],
);

/** Members of a group agency: "UBND các huyện, thành phố" fans out to one task per member. */
export const agencyGroupMembers = pgTable(
  'agency_group_members',
  {
    groupCode: text('group_code')
      .notNull()
      .references(() => agencies.code, { onDelete: 'cascade', onUpdate: 'cascade' }),
    memberCode: text('member_code')
      .notNull()
      .references(() => agencies.code, { onDelete: 'cascade', onUpdate: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.memberCode] })],
);

export const agenciesRelations = relations(agencies, ({ many }) => ({
  aliases: many(agencyAliases),
  members: many(agencyGroupMembers, { relationName: 'group' }),
}));

export const agencyAliasesRelations = relations(agencyAliases, ({ one }) => ({
  agency: one(agencies, { fields: [agencyAliases.agencyCode], references: [agencies.code] }),
}));

export const agencyGroupMembersRelations = relations(agencyGroupMembers, ({ one }) => ({
  group: one(agencies, { fields: [agencyGroupMembers.groupCode], references: [agencies.code], relationName: 'group' }),
  member: one(agencies, { fields: [agencyGroupMembers.memberCode], references: [agencies.code] }),
}));
