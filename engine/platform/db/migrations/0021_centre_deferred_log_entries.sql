CREATE TABLE "centre_deferred_log_entries" (
	"centre_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"session_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"deferred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "centre_deferred_log_entries_centre_id_sitting_id_seq_pk" PRIMARY KEY("centre_id","sitting_id","seq")
);
--> statement-breakpoint
CREATE INDEX "centre_deferred_log_entries_centre_id_sitting_id_session_id_index" ON "centre_deferred_log_entries" USING btree ("centre_id","sitting_id","session_id");