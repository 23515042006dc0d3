-- Idempotent consumers (service-support): the CloudEvent ids a service has applied, written in the same
-- transaction as the effect, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     text PRIMARY KEY,          -- ce_id
    topic        text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
