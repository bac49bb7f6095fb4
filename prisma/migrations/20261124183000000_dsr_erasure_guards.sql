-- Up Migration
-- Erasure (a data subject request) may pseudonymize what append-only tables say about a person, and nothing else:
-- only inside a transaction that sets fanz.erasure = 'on' (the erasure activity's), and only as listed here.

-- audit_logs: still never deleted; an update may only blank the actor's email and the details, during an erasure
DROP TRIGGER "audit_logs_append_only" ON "audit_logs";
CREATE TRIGGER "audit_logs_append_only" BEFORE DELETE OR TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
CREATE FUNCTION "audit_log_erasure_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('fanz.erasure', true) IS DISTINCT FROM 'on'
    OR (to_jsonb(NEW) - 'actor_email' - 'details') IS DISTINCT FROM (to_jsonb(OLD) - 'actor_email' - 'details')
    OR (NEW.actor_email IS NOT NULL AND NEW.actor_email IS DISTINCT FROM OLD.actor_email)
    OR (NEW.details IS NOT NULL AND NEW.details IS DISTINCT FROM OLD.details) THEN
    RAISE EXCEPTION 'audit_logs is append-only (UPDATE refused)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "audit_logs_erasure_only" BEFORE UPDATE ON "audit_logs" FOR EACH ROW EXECUTE FUNCTION "audit_log_erasure_only"();

-- 2257 records: deletable by an erasure once 7 years (28 CFR 75.4) have passed since the record was made
CREATE OR REPLACE FUNCTION "guard_performer_record"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('fanz.erasure', true) = 'on' AND OLD.record_made_at < now() - interval '7 years' THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'performer records are kept for their statutory period; % refused', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF (to_jsonb(NEW) - 'superseded_at') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_at') OR OLD.superseded_at IS NOT NULL THEN
    RAISE EXCEPTION 'a performer record is immutable; only superseded_at may be set, once' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
CREATE FUNCTION "delete_with_expired_record"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('fanz.erasure', true) = 'on'
    AND EXISTS (SELECT 1 FROM "performer_records" r WHERE r."id" = OLD."record_id" AND r."record_made_at" < now() - interval '7 years') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is a 2257 record kept for its statutory period (DELETE refused)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER "performer_aliases_append_only" ON "performer_aliases";
CREATE TRIGGER "performer_aliases_append_only" BEFORE UPDATE OR TRUNCATE ON "performer_aliases" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_alias_change"();
CREATE TRIGGER "performer_aliases_delete_expired" BEFORE DELETE ON "performer_aliases" FOR EACH ROW EXECUTE FUNCTION "delete_with_expired_record"();
DROP TRIGGER "depiction_index_append_only" ON "depiction_index";
CREATE TRIGGER "depiction_index_append_only" BEFORE UPDATE OR TRUNCATE ON "depiction_index" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "depiction_index_delete_expired" BEFORE DELETE ON "depiction_index" FOR EACH ROW EXECUTE FUNCTION "delete_with_expired_record"();

-- Down Migration
DROP TRIGGER "depiction_index_delete_expired" ON "depiction_index";
DROP TRIGGER "depiction_index_append_only" ON "depiction_index";
CREATE TRIGGER "depiction_index_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "depiction_index" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
DROP TRIGGER "performer_aliases_delete_expired" ON "performer_aliases";
DROP TRIGGER "performer_aliases_append_only" ON "performer_aliases";
CREATE TRIGGER "performer_aliases_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "performer_aliases" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_alias_change"();
DROP FUNCTION "delete_with_expired_record"();
CREATE OR REPLACE FUNCTION "guard_performer_record"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'performer records are kept for their statutory period; % refused', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF (to_jsonb(NEW) - 'superseded_at') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_at') OR OLD.superseded_at IS NOT NULL THEN
    RAISE EXCEPTION 'a performer record is immutable; only superseded_at may be set, once' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER "audit_logs_erasure_only" ON "audit_logs";
DROP FUNCTION "audit_log_erasure_only"();
DROP TRIGGER "audit_logs_append_only" ON "audit_logs";
CREATE TRIGGER "audit_logs_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
