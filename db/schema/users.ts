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
    /**
     * SHA-256 of the personal bearer token; the token itself is shown once and never stored. Null when
     * the user has none: revoked, or an account made at a first sign-in through the province's identity provider.
     */
    tokenHash: text('token_hash').unique(),
    /** A disabled account is refused everywhere at once; enabling it again restores its token. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Every credential revoked: no token and no sign-in works until an admin issues a new token. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The `sub` claim of the province's identity provider (OpenID Connect) this account signs in as. */
    oidcSubject: text('oidc_subject').unique(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    ...lifecycleDates,
  },
  (t) => [index('users_agency_idx').on(t.agencyCode)],
);
