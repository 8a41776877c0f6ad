DROP INDEX "import_jobs_plan_file_uq";--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "sheet_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "import_jobs_plan_file_sheet_uq" ON "import_jobs" USING btree ("plan_id","file_sha256","sheet_name");