ALTER TABLE "session_results" ADD COLUMN "test_outcomes" jsonb;--> statement-breakpoint
ALTER TABLE "sittings" ADD COLUMN "flag_thresholds" jsonb;