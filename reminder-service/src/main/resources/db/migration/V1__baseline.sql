-- Baseline: the schema exists (init.sql) and belongs to reminder_svc; Flyway keeps its history in it.
COMMENT ON SCHEMA reminder IS 'CrampCare reminder service: preferences, workouts, scheduled nudges, processed events, outbox';
