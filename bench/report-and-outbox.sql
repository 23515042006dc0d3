-- pgbench script for bench/run.sh intake: the transaction intake runs per accepted report (one cramp_report row and
-- one outbox_event row with the event as jsonb), on a scratch copy of the same tables.
\set uid random(1, 1000)
BEGIN;
INSERT INTO cramp_report (id, user_id, occurred_at, received_at, muscle, side, onset, severity, duration_seconds,
  context, activity_type, activity_intensity, activity_minutes, warmed_up, stretched_after, sweating_heavily,
  water_today_ml, symptoms)
VALUES (gen_random_uuid(), 'bench-' || :uid, now(), now(), 'GLUTEUS_MAXIMUS', 'LEFT', 'SUDDEN', 6, 90,
  'AFTER_EXERCISE', 'SQUATS', 'HARD', 45, false, false, true, 900, '');
INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload)
VALUES (gen_random_uuid(), 'cramp-reports', 'bench-' || :uid, 'io.crampcare.cramp-report.submitted.v1', 'bench-' || :uid,
  '{"reportId":"0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11","userId":"bench-1","occurredAt":"2026-11-25T07:30:00Z","receivedAt":"2026-11-25T07:31:00Z","muscle":"GLUTEUS_MAXIMUS","side":"LEFT","onset":"SUDDEN","severity":6,"durationSeconds":90,"context":"AFTER_EXERCISE","activity":{"type":"SQUATS","intensity":"HARD","minutes":45},"warmedUp":false,"stretchedAfter":false,"sweatingHeavily":true,"waterTodayMl":900,"visibleLump":null,"reliefBy":null,"symptoms":[],"newMedication":null,"bodyWeightKg":null,"notes":null}'::jsonb);
END;
