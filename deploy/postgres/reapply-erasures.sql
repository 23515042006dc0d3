-- Erases again, in every service schema, everyone the privacy registry lists as erased: for a database restored from
-- a backup older than some erasures (docs/operations.md, "Backup and restore"). Matches rows by the SHA-256 of their
-- user id, as the registry keeps it, so it needs no user id. Run as postgres, with the services stopped; safe to run
-- again. A new table that holds a user id joins the list below (and the service's PersonalRowsStore).
BEGIN;
CREATE TEMPORARY TABLE erased ON COMMIT DROP AS SELECT subject_hash FROM privacy.erasure;
CREATE FUNCTION pg_temp.erased(user_id text) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT EXISTS (SELECT 1 FROM erased WHERE subject_hash = encode(sha256(convert_to(user_id, 'UTF8')), 'hex')) $$;
DELETE FROM intake.cramp_report WHERE pg_temp.erased(user_id);
DELETE FROM advice.advice WHERE pg_temp.erased(user_id);
DELETE FROM advice.report_history WHERE pg_temp.erased(user_id);
DELETE FROM advice.nudge_ack WHERE pg_temp.erased(user_id);
DELETE FROM reminder.drink WHERE pg_temp.erased(user_id);
DELETE FROM reminder.nudge WHERE pg_temp.erased(user_id);
DELETE FROM reminder.hydration_day WHERE pg_temp.erased(user_id);
DELETE FROM reminder.hydration_target WHERE pg_temp.erased(user_id);
DELETE FROM reminder.workout WHERE pg_temp.erased(user_id);
DELETE FROM reminder.preferences WHERE pg_temp.erased(user_id);
-- The key ring: a completed erasure's key stays shredded, also when the privacy schema came from the backup.
UPDATE privacy.subject_key SET user_id = NULL, secret = NULL, shredded_at = now()
  WHERE user_id IS NOT NULL AND EXISTS (SELECT 1 FROM privacy.erasure e WHERE e.completed_at IS NOT NULL
    AND e.subject_hash = encode(sha256(convert_to(user_id, 'UTF8')), 'hex'));
-- Outbox events are keyed by the person's subjectRef (sealed events); the user id keyed those written before. The
-- erasure event (subject.erased, keyed by the subjectRef too) stays: it names nobody and tells consumers to delete.
CREATE TEMPORARY TABLE erased_refs ON COMMIT DROP AS
  SELECT subject_ref::text AS message_key FROM privacy.subject_key WHERE shredded_at IS NOT NULL OR pg_temp.erased(user_id);
DELETE FROM intake.outbox_event WHERE (pg_temp.erased(message_key) OR message_key IN (SELECT message_key FROM erased_refs))
  AND event_type <> 'io.crampcare.subject.erased.v1';
DELETE FROM advice.outbox_event WHERE (pg_temp.erased(message_key) OR message_key IN (SELECT message_key FROM erased_refs))
  AND event_type <> 'io.crampcare.subject.erased.v1';
DELETE FROM reminder.outbox_event WHERE (pg_temp.erased(message_key) OR message_key IN (SELECT message_key FROM erased_refs))
  AND event_type <> 'io.crampcare.subject.erased.v1';
-- The audit of access keeps its entries about an erased person under a pseudonym, as the services' erasure does.
CREATE FUNCTION pg_temp.pseudonym(user_id text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT 'erased:' || encode(sha256(convert_to(user_id, 'UTF8')), 'hex') $$;
UPDATE intake.access_audit SET reason = replace(reason, subject_user_id, pg_temp.pseudonym(subject_user_id)),
  subject_user_id = pg_temp.pseudonym(subject_user_id) WHERE pg_temp.erased(subject_user_id);
UPDATE advice.access_audit SET reason = replace(reason, subject_user_id, pg_temp.pseudonym(subject_user_id)),
  subject_user_id = pg_temp.pseudonym(subject_user_id) WHERE pg_temp.erased(subject_user_id);
UPDATE reminder.access_audit SET reason = replace(reason, subject_user_id, pg_temp.pseudonym(subject_user_id)),
  subject_user_id = pg_temp.pseudonym(subject_user_id) WHERE pg_temp.erased(subject_user_id);
-- Idempotency-Key records are not listed: they expire within a day, and each service's hourly cleanup deletes them.
COMMIT;
