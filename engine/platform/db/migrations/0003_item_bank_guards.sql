-- Item banks belong to organisations (a foreign key the item-bank schema cannot declare itself).
ALTER TABLE item_banks ADD CONSTRAINT item_banks_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisations(id);--> statement-breakpoint
-- Item versions are immutable: only first_delivered_at may be set, once. Versions are never deleted.
CREATE FUNCTION item_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'item versions are immutable: DELETE is not allowed';
  END IF;
  IF (to_jsonb(NEW) - 'first_delivered_at') IS DISTINCT FROM (to_jsonb(OLD) - 'first_delivered_at')
     OR (OLD.first_delivered_at IS NOT NULL AND NEW.first_delivered_at IS DISTINCT FROM OLD.first_delivered_at) THEN
    RAISE EXCEPTION 'item versions are immutable: save a new version instead';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER item_versions_immutable BEFORE UPDATE OR DELETE ON item_versions
  FOR EACH ROW EXECUTE FUNCTION item_versions_guard();
