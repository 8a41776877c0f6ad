-- Rows written before current_due_date existed hold the deadline their workflows still judge by (the
-- due date) until their next projection; without it they would never show as overdue.
UPDATE "tasks" SET "current_due_date" = "due_date" WHERE "current_due_date" IS NULL;
