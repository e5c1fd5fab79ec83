CREATE TABLE "incident_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"incident_seq" bigint,
	"taken_at" bigint NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_photos" (
	"sitting_candidate_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_snapshots" ADD CONSTRAINT "incident_snapshots_session_id_candidate_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."candidate_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_photos" ADD CONSTRAINT "roster_photos_sitting_candidate_id_sitting_candidates_id_fk" FOREIGN KEY ("sitting_candidate_id") REFERENCES "public"."sitting_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_photos" ADD CONSTRAINT "roster_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_snapshots_session_id_index" ON "incident_snapshots" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "incident_snapshots_expires_at_index" ON "incident_snapshots" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_snapshots_incident_seq_index" ON "incident_snapshots" USING btree ("incident_seq");