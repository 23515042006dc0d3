-- Idempotency-Key (service-support IdempotencyService): what the first POST with a key answered, so that a retry gets
-- the same answer and makes nothing twice. Keys are stored per user ("<userId>/<key>") and expire (expires_at).
CREATE TABLE idempotent_request (
    idempotency_key   text PRIMARY KEY,
    request_hash      text        NOT NULL,               -- SHA-256 of the canonical request body
    claim_token       uuid        NOT NULL,               -- who is processing it
    state             text        NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    response_status   integer,
    response_location text,
    response_body     text,
    claimed_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL
);

CREATE INDEX idempotent_request_expires_at ON idempotent_request (expires_at);
