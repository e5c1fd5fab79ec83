CREATE TYPE "public"."session_state" AS ENUM('scheduled', 'checked_in', 'in_progress', 'paused', 'submitted', 'scored');--> statement-breakpoint
CREATE TABLE "candidate_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_candidate_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"state" "session_state" DEFAULT 'checked_in' NOT NULL,
	"seed" integer NOT NULL,
	"form" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"started_at" timestamp (3) with time zone,
	"deadline_at" timestamp (3) with time zone,
	"paused_at" timestamp (3) with time zone,
	"paused_remaining_ms" integer,
	"extension_seconds" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"submitted_by" text,
	"device_change_allowed" boolean DEFAULT false NOT NULL,
	"terminated_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"session_id" uuid NOT NULL,
	"item_ref" text NOT NULL,
	"client_seq" integer NOT NULL,
	"value" jsonb NOT NULL,
	"client_time" timestamp (3) with time zone,
	"saved_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responses_session_id_item_ref_client_seq_pk" PRIMARY KEY("session_id","item_ref","client_seq")
);
--> statement-breakpoint
CREATE TABLE "room_proctors" (
	"room_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "room_proctors_room_id_user_id_pk" PRIMARY KEY("room_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "session_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"outcomes" jsonb NOT NULL,
	"raw_score" real NOT NULL,
	"max_score" real NOT NULL,
	"scaled_score" real,
	"status" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sitting_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"candidate_number" text NOT NULL,
	"extra_time_percent" integer DEFAULT 0 NOT NULL,
	"separate_room" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sitting_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"access_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sittings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"subject" text,
	"form_spec" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer NOT NULL,
	"late_start_seconds" integer,
	"grace_seconds" integer DEFAULT 10 NOT NULL,
	"security_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"release_policy" text DEFAULT 'after_review' NOT NULL,
	"scale" text DEFAULT 'school' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidate_sessions" ADD CONSTRAINT "candidate_sessions_sitting_candidate_id_sitting_candidates_id_fk" FOREIGN KEY ("sitting_candidate_id") REFERENCES "public"."sitting_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_sessions" ADD CONSTRAINT "candidate_sessions_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_session_id_candidate_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."candidate_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_proctors" ADD CONSTRAINT "room_proctors_room_id_sitting_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."sitting_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_proctors" ADD CONSTRAINT "room_proctors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_session_id_candidate_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."candidate_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_results" ADD CONSTRAINT "session_results_session_id_candidate_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."candidate_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_candidates" ADD CONSTRAINT "sitting_candidates_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_candidates" ADD CONSTRAINT "sitting_candidates_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_candidates" ADD CONSTRAINT "sitting_candidates_room_id_sitting_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."sitting_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_rooms" ADD CONSTRAINT "sitting_rooms_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sittings" ADD CONSTRAINT "sittings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sittings" ADD CONSTRAINT "sittings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_sessions_sitting_candidate_id_index" ON "candidate_sessions" USING btree ("sitting_candidate_id");--> statement-breakpoint
CREATE INDEX "candidate_sessions_sitting_id_state_index" ON "candidate_sessions" USING btree ("sitting_id","state");--> statement-breakpoint
CREATE INDEX "candidate_sessions_due_idx" ON "candidate_sessions" USING btree ("deadline_at") WHERE state = 'in_progress';--> statement-breakpoint
CREATE INDEX "session_events_session_id_seq_index" ON "session_events" USING btree ("session_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "session_results_session_id_version_index" ON "session_results" USING btree ("session_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "sitting_candidates_sitting_id_student_id_index" ON "sitting_candidates" USING btree ("sitting_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sitting_candidates_sitting_id_candidate_number_index" ON "sitting_candidates" USING btree ("sitting_id","candidate_number");--> statement-breakpoint
CREATE INDEX "sitting_candidates_room_id_index" ON "sitting_candidates" USING btree ("room_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sitting_rooms_sitting_id_name_index" ON "sitting_rooms" USING btree ("sitting_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "sitting_rooms_sitting_id_access_code_index" ON "sitting_rooms" USING btree ("sitting_id","access_code");--> statement-breakpoint
CREATE INDEX "sittings_organisation_id_index" ON "sittings" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sittings_opens_at_index" ON "sittings" USING btree ("opens_at");