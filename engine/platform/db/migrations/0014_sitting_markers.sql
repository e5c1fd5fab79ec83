CREATE TYPE "public"."sitting_marker_role" AS ENUM('marker', 'moderator');--> statement-breakpoint
CREATE TABLE "sitting_markers" (
	"sitting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "sitting_marker_role" NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sitting_markers_sitting_id_user_id_pk" PRIMARY KEY("sitting_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "sitting_markers" ADD CONSTRAINT "sitting_markers_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_markers" ADD CONSTRAINT "sitting_markers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_markers" ADD CONSTRAINT "sitting_markers_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sitting_markers_user_id_index" ON "sitting_markers" USING btree ("user_id");