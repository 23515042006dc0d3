-- Cramp reports as accepted over REST. Immutable once written.
CREATE TABLE cramp_report (
    id                 uuid PRIMARY KEY,
    user_id            text        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    received_at        timestamptz NOT NULL,
    muscle             text        NOT NULL,
    side               text        NOT NULL,
    onset              text        NOT NULL,
    severity           integer     NOT NULL CHECK (severity BETWEEN 0 AND 10),
    duration_seconds   integer     NOT NULL CHECK (duration_seconds > 0),
    context            text        NOT NULL,
    activity_type      text,
    activity_intensity text,
    activity_minutes   integer,
    warmed_up          boolean,
    stretched_after    boolean,
    sweating_heavily   boolean,
    water_today_ml     integer,
    visible_lump       boolean,
    relief_by          text,
    symptoms           text        NOT NULL DEFAULT '',  -- comma-separated Symptom names, in enum order
    new_medication     boolean,
    body_weight_kg     double precision,
    notes              text
);

-- A user's reports, newest first: the listing and its cursor walk this index.
CREATE INDEX cramp_report_user_time ON cramp_report (user_id, occurred_at DESC, id DESC);

-- Idempotency-Key records for POST /cramp-reports: the first response is replayed for the same key and body.
CREATE TABLE idempotency_key (
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

CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
