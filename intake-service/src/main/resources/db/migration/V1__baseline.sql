-- Baseline: the schema exists (init.sql) and belongs to intake_svc; Flyway keeps its history in it.
COMMENT ON SCHEMA intake IS 'CrampCare intake service: cramp reports and their outbox';
