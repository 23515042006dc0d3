-- Baseline: the schema exists (init.sql) and belongs to advice_svc; Flyway keeps its history in it.
COMMENT ON SCHEMA advice IS 'CrampCare advice service: advice, the users'' report history, processed events, outbox';
