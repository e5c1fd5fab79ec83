CREATE TYPE "public"."result_log_kind" AS ENUM('save', 'event', 'submit');--> statement-breakpoint
CREATE TABLE "central_signing_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "centre_held_packages" (
	"package_id" uuid PRIMARY KEY NOT NULL,
	"sitting_id" uuid NOT NULL,
	"header" jsonb NOT NULL,
	"file" "bytea" NOT NULL,
	"released_keys" jsonb,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "centre_identity" (
	"centre_id" uuid PRIMARY KEY NOT NULL,
	"central_url" text,
	"central_key_id" text NOT NULL,
	"central_public_key" text NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "centre_key_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"centre_id" uuid,
	"room_id" uuid,
	"how" text NOT NULL,
	"released_by" uuid,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "centre_packages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sitting_id" uuid NOT NULL,
	"centre_ids" uuid[] NOT NULL,
	"room_ids" uuid[] NOT NULL,
	"key_id" text NOT NULL,
	"signing_key_id" text NOT NULL,
	"not_before" timestamp (3) with time zone NOT NULL,
	"content_sha256" text NOT NULL,
	"byte_length" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "centre_sitting_keys" (
	"sitting_id" uuid PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"sealed_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_log_entries" (
	"centre_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"kind" "result_log_kind" NOT NULL,
	"payload" jsonb NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"signature" text NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "result_log_entries_centre_id_sitting_id_seq_pk" PRIMARY KEY("centre_id","sitting_id","seq"),
	CONSTRAINT "result_log_hash_hex" CHECK (length("result_log_entries"."hash") = 64 and length("result_log_entries"."prev_hash") = 64),
	CONSTRAINT "result_log_seq_positive" CHECK ("result_log_entries"."seq" > 0)
);
--> statement-breakpoint
ALTER TABLE "centre_key_releases" ADD CONSTRAINT "centre_key_releases_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_key_releases" ADD CONSTRAINT "centre_key_releases_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_key_releases" ADD CONSTRAINT "centre_key_releases_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_packages" ADD CONSTRAINT "centre_packages_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_packages" ADD CONSTRAINT "centre_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_sitting_keys" ADD CONSTRAINT "centre_sitting_keys_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres" ADD CONSTRAINT "centres_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres" ADD CONSTRAINT "centres_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "central_signing_keys_one_active_idx" ON "central_signing_keys" USING btree ("active") WHERE active;--> statement-breakpoint
CREATE INDEX "centre_held_packages_sitting_id_index" ON "centre_held_packages" USING btree ("sitting_id");--> statement-breakpoint
CREATE INDEX "centre_key_releases_sitting_id_index" ON "centre_key_releases" USING btree ("sitting_id");--> statement-breakpoint
CREATE INDEX "centre_packages_sitting_id_index" ON "centre_packages" USING btree ("sitting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "centres_organisation_id_name_index" ON "centres" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "centres_public_key_index" ON "centres" USING btree ("public_key");--> statement-breakpoint
-- The result log is append-only like responses (0012): an imported or appended entry is never changed.
CREATE TRIGGER result_log_entries_no_update_delete BEFORE UPDATE OR DELETE ON result_log_entries
  FOR EACH ROW EXECUTE FUNCTION delivery_refuse_change();--> statement-breakpoint
CREATE TRIGGER result_log_entries_no_truncate BEFORE TRUNCATE ON result_log_entries
  FOR EACH STATEMENT EXECUTE FUNCTION delivery_refuse_change();
