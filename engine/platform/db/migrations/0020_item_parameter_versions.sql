CREATE TABLE "item_parameter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"item_version_id" uuid,
	"model" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"sample_size" integer NOT NULL,
	"fit" jsonb,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"linking" jsonb,
	"source" text NOT NULL,
	"calibrated_by" uuid,
	"calibrated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "item_parameter_versions" ADD CONSTRAINT "item_parameter_versions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_parameter_versions" ADD CONSTRAINT "item_parameter_versions_item_version_id_item_versions_id_fk" FOREIGN KEY ("item_version_id") REFERENCES "public"."item_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "item_parameter_versions_item_id_version_index" ON "item_parameter_versions" USING btree ("item_id","version");