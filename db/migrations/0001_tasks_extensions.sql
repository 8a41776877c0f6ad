DROP INDEX "notifications_pending_idx";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "extension_requests" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "recipient" text NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "recipient_user_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "copy" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "day" date NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "recipient" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "day" date;--> statement-breakpoint
CREATE INDEX "tasks_coordinating_gin_idx" ON "tasks" USING gin ("coordinating_agency_codes");--> statement-breakpoint
CREATE INDEX "notifications_recipient_day_idx" ON "notifications" USING btree ("recipient","day","status");--> statement-breakpoint
CREATE INDEX "outbox_recipient_day_idx" ON "outbox" USING btree ("recipient","day");--> statement-breakpoint
CREATE INDEX "outbox_created_id_idx" ON "outbox" USING btree ("created_at","id");