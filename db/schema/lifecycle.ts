import { timestamp } from 'drizzle-orm/pg-core';

/** Timestamps every mutable table carries. */
export const lifecycleDates = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
