ALTER TABLE "tasks" ADD COLUMN "current_due_date" date;--> statement-breakpoint
-- Rows written before this column hold the deadline their workflows still judge by (the due date) until their next projection.
UPDATE "tasks" SET "current_due_date" = "due_date";
