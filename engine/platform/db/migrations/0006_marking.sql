CREATE TABLE "marking_configs" (
	"sitting_id" uuid NOT NULL,
	"item_ref" text NOT NULL,
	"rubric_id" uuid,
	"anonymous" boolean DEFAULT true NOT NULL,
	"double_marking" boolean DEFAULT false NOT NULL,
	"discrepancy_threshold" real DEFAULT 1 NOT NULL,
	CONSTRAINT "marking_configs_sitting_id_item_ref_pk" PRIMARY KEY("sitting_id","item_ref")
);
--> statement-breakpoint
CREATE TABLE "marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"item_ref" text NOT NULL,
	"marker_id" uuid NOT NULL,
	"role" text NOT NULL,
	"score" real NOT NULL,
	"levels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "marking_configs" ADD CONSTRAINT "marking_configs_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "marks_session_id_item_ref_role_index" ON "marks" USING btree ("session_id","item_ref","role");--> statement-breakpoint
CREATE INDEX "marks_sitting_id_item_ref_index" ON "marks" USING btree ("sitting_id","item_ref");--> statement-breakpoint
CREATE INDEX "rubrics_organisation_id_index" ON "rubrics" USING btree ("organisation_id");