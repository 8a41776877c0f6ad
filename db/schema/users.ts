import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Language, Role } from '../../domain/vocabulary';
import { agencies } from './agencies';
import { lifecycleDates } from './lifecycle';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    agencyCode: text('agency_code').references(() => agencies.code, { onUpdate: 'cascade' }),
    language: text('language').$type<Language>().notNull().default('vi'),
    /** SHA-256 of the bearer token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    ...lifecycleDates,
  },
  (t) => [index('users_agency_idx').on(t.agencyCode)],
);
