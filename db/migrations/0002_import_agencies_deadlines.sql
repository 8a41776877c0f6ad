DROP INDEX "import_jobs_plan_file_uq";--> statement-breakpoint
ALTER TABLE "agency_aliases" ADD COLUMN "used_until" date;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "import_columns" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "imported_row" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "current_due_date" date;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "sheet_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "changes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "applied_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "refused_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "import_jobs_plan_idx" ON "import_jobs" USING btree ("plan_id");