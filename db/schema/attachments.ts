import { relations } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/vocabulary';
import { tasks } from './tasks';

/** Postgres `bytea`: pg hands back a Buffer, PGlite a Uint8Array; both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/**
 * An evidence file (minh chứng) uploaded to a task: what it is (type detected from its bytes), who sent
 * it, and where its bytes are — `attachment_contents` by default, or a file under ATTACHMENTS_DIR.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    /** The name offered on download: sanitised, with the extension of the detected type. */
    fileName: text('file_name').notNull(),
    /** Detected from the content (PDF, DOCX, XLSX, PNG, JPEG), not the type the browser claimed. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Hex SHA-256 of the bytes, for integrity and as the download's ETag. */
    sha256: text('sha256').notNull(),
    /** `db`: in attachment_contents; `dir`: at `storageKey` under ATTACHMENTS_DIR. */
    storage: text('storage').$type<'db' | 'dir'>().notNull(),
    storageKey: text('storage_key'),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedByRole: text('uploaded_by_role').$type<Role>().notNull(),
    /** The uploader's agency: only that agency may cite the file in its reports. */
    agencyCode: text('agency_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_task_idx').on(t.taskId, t.createdAt)],
);

/** The bytes of the attachments kept in Postgres, apart from their metadata so a list never reads them. */
export const attachmentContents = pgTable('attachment_contents', {
  attachmentId: uuid('attachment_id')
    .primaryKey()
    .references(() => attachments.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
});

export const attachmentsRelations = relations(attachments, ({ one }) => ({
  task: one(tasks, { fields: [attachments.taskId], references: [tasks.id] }),
  content: one(attachmentContents, { fields: [attachments.id], references: [attachmentContents.attachmentId] }),
}));

export type AttachmentRow = typeof attachments.$inferSelect;
