CREATE TYPE "public"."cognitive_level" AS ENUM('nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao');--> statement-breakpoint
CREATE TYPE "public"."item_status" AS ENUM('draft', 'in_review', 'published', 'retired');--> statement-breakpoint
CREATE TABLE "assessment_test_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"test_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"source_format" text NOT NULL,
	"qti_xml" text NOT NULL,
	"model" jsonb NOT NULL,
	"item_version_ids" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"title" text NOT NULL,
	"current_version" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_banks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"from_status" "item_status",
	"to_status" "item_status" NOT NULL,
	"actor_id" uuid,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_version_media" (
	"version_id" uuid NOT NULL,
	"href" text NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"source_format" text NOT NULL,
	"source_file" text,
	"qti_xml" text NOT NULL,
	"model" jsonb NOT NULL,
	"content_sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"title" text NOT NULL,
	"status" "item_status" DEFAULT 'draft' NOT NULL,
	"current_version" integer NOT NULL,
	"subject" text,
	"grade" smallint,
	"topic" text,
	"competencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"cognitive_level" "cognitive_level",
	"language" text DEFAULT 'vi' NOT NULL,
	"estimated_seconds" integer,
	"difficulty" real,
	"irt_model" text,
	"irt_a" real,
	"irt_b" real,
	"irt_c" real,
	"irt_sample_size" integer,
	"irt_calibrated_at" timestamp with time zone,
	"interaction_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
	"status_changed_by" uuid,
	"status_changed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media" (
	"sha256" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"byte_length" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_test_versions" ADD CONSTRAINT "assessment_test_versions_test_id_assessment_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."assessment_tests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_tests" ADD CONSTRAINT "assessment_tests_bank_id_item_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."item_banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_status_events" ADD CONSTRAINT "item_status_events_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_version_media" ADD CONSTRAINT "item_version_media_version_id_item_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."item_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_version_media" ADD CONSTRAINT "item_version_media_sha256_media_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."media"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_versions" ADD CONSTRAINT "item_versions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_bank_id_item_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."item_banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_test_versions_test_id_version_index" ON "assessment_test_versions" USING btree ("test_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_tests_bank_id_identifier_index" ON "assessment_tests" USING btree ("bank_id","identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "item_banks_organisation_id_name_index" ON "item_banks" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "item_status_events_item_id_at_index" ON "item_status_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "item_version_media_version_id_href_index" ON "item_version_media" USING btree ("version_id","href");--> statement-breakpoint
CREATE INDEX "item_version_media_sha256_index" ON "item_version_media" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "item_versions_item_id_version_index" ON "item_versions" USING btree ("item_id","version");--> statement-breakpoint
CREATE INDEX "item_versions_content_sha256_index" ON "item_versions" USING btree ("content_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "items_bank_id_identifier_index" ON "items" USING btree ("bank_id","identifier");--> statement-breakpoint
CREATE INDEX "items_bank_id_status_index" ON "items" USING btree ("bank_id","status");--> statement-breakpoint
CREATE INDEX "items_subject_grade_index" ON "items" USING btree ("subject","grade");--> statement-breakpoint
CREATE INDEX "items_search_idx" ON "items" USING gin ("search_vector");