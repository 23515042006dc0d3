-- Random (v4) against time-ordered (v7) keys: the WAL and PostgreSQL time of N reports' rows in a scratch database
-- (bench/BENCHMARKS.md, section 8). Per report, in the services' three transactions: the report and its outbox row, the
-- relay's mark-sent update, the consumer's processed_event row. The tables come from the Flyway migrations themselves
-- and hold `prefill` reports (sent and consumed) before the measured window, which starts with a CHECKPOINT. Run from
-- the repository's top folder, once per kind (ids=v4 or v7), each in a fresh database (the loop in bench/BENCHMARKS.md):
--   psql -X -q -h 127.0.0.1 -U postgres -d ids_scratch_v4 -v ids=v4 [-v rows=50000 -v prefill=1000000] \
--        -f bench/ids-wal.sql
-- The WAL position is the server's: run it on a quiet server.
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 50000
\endif
\if :{?prefill}
\else
\set prefill 1000000
\endif
SET client_min_messages = warning;
SET synchronous_commit = off; -- the same WAL; the loop does not wait for each commit's flush
\ir ../service-support/src/main/resources/db/support/V1_1__outbox.sql
\ir ../service-support/src/main/resources/db/support/V1_2__outbox_key_order.sql
\ir ../service-support/src/main/resources/db/support/V1_3__processed_event.sql
\ir ../service-support/src/main/resources/db/support/V1_4__outbox_trace_context.sql
\ir ../service-support/src/main/resources/db/support/V1_5__outbox_parking.sql
\ir ../service-support/src/main/resources/db/support/V1_7__outbox_claim_index.sql
\ir ../intake-service/src/main/resources/db/migration/V2__cramp_reports.sql
\ir ../intake-service/src/main/resources/db/migration/V3__report_safety_fields.sql
CREATE EXTENSION pg_walinspect;

-- RFC 9562 version 7 in SQL (PostgreSQL 15 has no uuidv7()): a v4 whose first 48 bits become the Unix milliseconds and
-- whose version nibble turns from 4 to 7. Within a millisecond these are in random order (TimeOrderedIds counts up).
CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
        substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
        52, 1), 53, 1), 'hex')::uuid
$$;

CREATE FUNCTION new_id(time_ordered boolean) RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT CASE WHEN time_ordered THEN uuid_v7() ELSE gen_random_uuid() END
$$;

CREATE FUNCTION payload(report_id uuid, user_id text) RETURNS jsonb LANGUAGE sql AS $$
    SELECT jsonb_build_object('reportId', report_id, 'userId', user_id, 'occurredAt', now(), 'receivedAt', now(),
                              'muscle', 'GLUTEUS_MAXIMUS', 'side', 'LEFT', 'onset', 'SUDDEN', 'severity', 6,
                              'durationSeconds', 90, 'context', 'AFTER_EXERCISE', 'activity',
                              jsonb_build_object('type', 'SQUATS', 'intensity', 'HARD', 'minutes', 45),
                              'warmedUp', false, 'stretchedAfter', false, 'sweatingHeavily', true,
                              'waterTodayMl', 900, 'symptoms', '[]'::jsonb)
$$;

-- One report as the services write it, in their three transactions.
CREATE PROCEDURE report(i integer, time_ordered boolean) LANGUAGE plpgsql AS $$
DECLARE
    report_id uuid := new_id(time_ordered);
    event_id  uuid := new_id(time_ordered);
    user_id   text := 'bench-' || i % 1000;
BEGIN
    INSERT INTO cramp_report (id, user_id, occurred_at, received_at, muscle, side, onset, severity, duration_seconds,
                              context, activity_type, activity_intensity, activity_minutes, warmed_up, stretched_after,
                              sweating_heavily, water_today_ml)
    VALUES (report_id, user_id, now(), now(), 'GLUTEUS_MAXIMUS', 'LEFT', 'SUDDEN', 6, 90, 'AFTER_EXERCISE', 'SQUATS',
            'HARD', 45, false, false, true, 900);
    INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload, traceparent)
    VALUES (event_id, 'cramp-reports', user_id, 'io.crampcare.cramp-report.submitted.v1', user_id,
            payload(report_id, user_id), '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    COMMIT; -- intake
    UPDATE outbox_event SET sent_at = now(), last_error = NULL WHERE id = event_id;
    COMMIT; -- the relay, once the broker acknowledged
    INSERT INTO processed_event (event_id, topic) VALUES (event_id::text, 'cramp-reports');
    COMMIT; -- the consumer
END $$;

CREATE PROCEDURE reports(n integer, time_ordered boolean) LANGUAGE plpgsql AS $$
BEGIN
    FOR i IN 1..n LOOP
        CALL report(i, time_ordered);
    END LOOP;
END $$;

-- The prefill, set-based and unmeasured: reports sent and consumed before the window, ids made the same way.
INSERT INTO cramp_report (id, user_id, occurred_at, received_at, muscle, side, onset, severity, duration_seconds,
                          context)
SELECT new_id(:'ids' = 'v7'), 'bench-' || i % 1000, now(), now(), 'GLUTEUS_MAXIMUS', 'LEFT', 'SUDDEN', 6, 90,
       'AFTER_EXERCISE'
FROM generate_series(1, :prefill) i;
INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload, sent_at)
SELECT new_id(:'ids' = 'v7'), 'cramp-reports', 'bench-' || i % 1000, 'io.crampcare.cramp-report.submitted.v1',
       'bench-' || i % 1000, payload(gen_random_uuid(), 'bench-' || i % 1000), now()
FROM generate_series(1, :prefill) i;
INSERT INTO processed_event (event_id, topic) SELECT id::text, topic FROM outbox_event ORDER BY seq;
VACUUM ANALYZE;

CHECKPOINT;
SELECT pg_current_wal_lsn() AS start_lsn, clock_timestamp() AS started \gset
CALL reports(:rows, :'ids' = 'v7');
SELECT pg_current_wal_lsn() AS end_lsn, clock_timestamp() AS ended \gset
SET synchronous_commit = on;
CREATE TEMPORARY TABLE wal_flushed (); -- its commit flushes the window's WAL, which pg_walinspect reads

\pset footer off
\echo
\echo :ids: :rows reports after :prefill, from a checkpoint
SELECT round(pg_wal_lsn_diff(:'end_lsn', :'start_lsn') / :rows) AS wal_bytes_per_report,
       round((SELECT count(*) FROM pg_get_wal_records_info(:'start_lsn', :'end_lsn') r,
                     regexp_matches(r.block_ref, 'FPW', 'g') fpw)::numeric / :rows, 2) AS full_page_images_per_report,
       round(extract(epoch FROM :'ended'::timestamptz - :'started'::timestamptz)::numeric * 1000 / :rows, 3)
           AS ms_per_report;
-- Where the WAL went, by resource manager (bytes per report).
SELECT "resource_manager/record_type" AS rmgr, round(record_size::numeric / :rows) AS records,
       round(fpi_size::numeric / :rows) AS full_page_images, round(combined_size::numeric / :rows) AS total
FROM pg_get_wal_stats(:'start_lsn', :'end_lsn') WHERE count > 0 ORDER BY combined_size DESC;
-- Full-page images per report, by relation (this database's only).
SELECT c.relname, round(count(*)::numeric / :rows, 3) AS full_page_images_per_report
FROM pg_get_wal_records_info(:'start_lsn', :'end_lsn') r
CROSS JOIN LATERAL regexp_matches(r.block_ref, 'rel \d+/(\d+)/(\d+) fork \w+ blk \d+ \(FPW', 'g') m
JOIN pg_class c ON c.relfilenode = m[2]::oid
WHERE m[1]::oid = (SELECT oid FROM pg_database WHERE datname = current_database())
GROUP BY c.relname ORDER BY count(*) DESC;
SELECT relname, pg_size_pretty(pg_relation_size(oid)) AS size FROM pg_class
WHERE relname IN ('cramp_report_pkey', 'outbox_event_pkey', 'processed_event_pkey') ORDER BY relname;
