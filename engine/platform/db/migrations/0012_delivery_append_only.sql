-- Responses and session events are append-only (every version of an answer and every state change is
-- kept for audit): refuse UPDATE, DELETE and TRUNCATE at the database, as 0001 does for audit_log.
CREATE FUNCTION delivery_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER responses_no_update_delete BEFORE UPDATE OR DELETE ON responses
  FOR EACH ROW EXECUTE FUNCTION delivery_refuse_change();--> statement-breakpoint
CREATE TRIGGER responses_no_truncate BEFORE TRUNCATE ON responses
  FOR EACH STATEMENT EXECUTE FUNCTION delivery_refuse_change();--> statement-breakpoint
CREATE TRIGGER session_events_no_update_delete BEFORE UPDATE OR DELETE ON session_events
  FOR EACH ROW EXECUTE FUNCTION delivery_refuse_change();--> statement-breakpoint
CREATE TRIGGER session_events_no_truncate BEFORE TRUNCATE ON session_events
  FOR EACH STATEMENT EXECUTE FUNCTION delivery_refuse_change();
