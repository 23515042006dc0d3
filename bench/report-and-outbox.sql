-- pgbench script for bench/run.sh intake: exactly the statement intake sends per accepted report (no
-- Idempotency-Key), run with -M prepared on the service's own schema: one statement in autocommit, the report's
-- insert (CrampReportStore) then the outbox's insert of its event with the per-key advisory lock (service-support
-- Outbox.rowWithEvents). Values that intake binds as parameters are expressions of :uid or the -D payload here.
\set uid random(1, 1000)
WITH business_row AS (
INSERT INTO cramp_report (id, user_id, occurred_at, received_at, muscle, side, onset, severity,
                          duration_seconds, context, activity_type, activity_intensity, activity_minutes,
                          warmed_up, stretched_after, sweating_heavily, water_today_ml, visible_lump,
                          relief_by, symptoms, new_medication, body_weight_kg, notes, hot_environment,
                          water_last_hour_ml, unaccustomed_exercise, takes_statin)
VALUES (gen_random_uuid(), 'bench-' || :uid, now(), now(), 'GLUTEUS_MAXIMUS', 'LEFT', 'SUDDEN', 6, 90, 'AFTER_EXERCISE',
        'SQUATS', 'HARD', 45, false, false, true, 900, NULL, NULL, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL)
),
key_locks AS MATERIALIZED (
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
