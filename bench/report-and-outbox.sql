-- pgbench script for bench/run.sh intake: exactly the statements intake sends per accepted report (no
-- Idempotency-Key), run with -M prepared on the service's own schema. Today: a JTA transaction with Hibernate's
-- insert of the report and the outbox's INSERT_ALL (service-support Outbox: the per-key advisory lock, then the row),
-- then the commit. Values that intake binds as parameters are expressions of :uid or the -D payload here.
\set uid random(1, 1000)
BEGIN;
INSERT INTO cramp_report (activity_intensity, activity_minutes, activity_type, body_weight_kg, context,
  duration_seconds, hot_environment, muscle, new_medication, notes, occurred_at, onset, received_at, relief_by,
  severity, side, stretched_after, sweating_heavily, symptoms, takes_statin, unaccustomed_exercise, user_id,
  visible_lump, warmed_up, water_last_hour_ml, water_today_ml, id)
VALUES ('HARD', 45, 'SQUATS', NULL, 'AFTER_EXERCISE', 90, NULL, 'GLUTEUS_MAXIMUS', NULL, NULL, now(), 'SUDDEN', now(),
  NULL, 6, 'LEFT', false, true, '', NULL, NULL, 'bench-' || :uid, NULL, false, NULL, 900, gen_random_uuid());
WITH key_locks AS MATERIALIZED (
    SELECT count(pg_advisory_xact_lock(hashtext(current_schema()), bucket)) AS taken
    FROM (SELECT DISTINCT abs(hashtext(k) % 64) AS bucket FROM unnest(ARRAY['bench-' || :uid]::text[]) AS k ORDER BY 1) buckets)
INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload, created_at, traceparent,
                          tracestate)
SELECT e.id, e.topic, e.message_key, e.event_type, e.subject, e.payload::jsonb, e.created_at, e.traceparent,
       e.tracestate
FROM unnest(ARRAY[gen_random_uuid()]::uuid[], ARRAY['cramp-reports']::text[], ARRAY['bench-' || :uid]::text[],
            ARRAY['io.crampcare.cramp-report.submitted.v1']::text[], ARRAY['bench-' || :uid]::text[],
            ARRAY[:payload]::text[], ARRAY[now()::text]::timestamptz[],
            ARRAY['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01']::text[], ARRAY[NULL]::text[])
     WITH ORDINALITY AS e (id, topic, message_key, event_type, subject, payload, created_at, traceparent,
                           tracestate, n)
     CROSS JOIN key_locks
ORDER BY e.n;
END;
