ALTER TABLE "session_results" ADD COLUMN "rating" text;--> statement-breakpoint
ALTER TABLE "sittings" ADD COLUMN "results_released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sittings" ADD COLUMN "rating_thresholds" jsonb;