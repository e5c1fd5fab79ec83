ALTER TABLE "erecords_outbox" ADD COLUMN "claimed_until" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "erecords_outbox" ADD COLUMN "claim_token" text;