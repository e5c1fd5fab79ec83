CREATE TABLE "erecords_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"student_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"result_version" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "erecords_outbox_idempotency_key_index" ON "erecords_outbox" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "erecords_outbox_status_next_attempt_at_index" ON "erecords_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "erecords_outbox_student_id_id_index" ON "erecords_outbox" USING btree ("student_id","id");