-- The transactional outbox (service-support). Runs in the service's own schema (quarkus.flyway.schemas).
-- A business transaction inserts a row here; the relay publishes it to Kafka and then sets sent_at.
CREATE TABLE outbox_event (
    id          uuid PRIMARY KEY,                          -- the CloudEvent id
    seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE, -- publish order
    topic       text        NOT NULL,
    message_key text        NOT NULL,                      -- Kafka key; also the ordering unit
    event_type  text        NOT NULL,                      -- CloudEvent type
    subject     text,                                      -- CloudEvent subject
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),        -- CloudEvent time
    sent_at     timestamptz,
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text
);

-- The relay's claim query and the lag metric read only unsent rows, in order.
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;
-- Retention cleanup deletes old sent rows.
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
