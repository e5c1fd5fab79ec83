ALTER TABLE "sittings" ADD COLUMN "access_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "sittings_access_code_index" ON "sittings" USING btree ("access_code");