CREATE TABLE "item_bank_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"writable" boolean DEFAULT false NOT NULL,
	"shared_by" uuid,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "item_banks" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "item_bank_shares" ADD CONSTRAINT "item_bank_shares_bank_id_item_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."item_banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "item_bank_shares_bank_id_organisation_id_index" ON "item_bank_shares" USING btree ("bank_id","organisation_id");--> statement-breakpoint
CREATE INDEX "item_bank_shares_organisation_id_index" ON "item_bank_shares" USING btree ("organisation_id");--> statement-breakpoint
-- A share names an organisation of the engine (a foreign key the item-bank schema cannot declare itself).
ALTER TABLE item_bank_shares ADD CONSTRAINT item_bank_shares_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisations(id);