-- The privacy registry (issue 32), schema privacy, shared by the services (deploy/postgres/init.sql): a person's
-- erasure from the request to the receipt. Each table is handed to privacy_owner, so every service may migrate it.

-- One erasure per person, ever: the hash of the user id stays, so an erased id's tokens act on nothing again.
-- user_id is kept only while services still have to erase: the receipt (completed_at) leaves nothing readable here.
CREATE TABLE privacy.erasure (
    id           uuid PRIMARY KEY,
    subject_hash text        NOT NULL UNIQUE,   -- SHA-256 of the user id, hex (support/privacy/SubjectHash)
    user_id      text,
    requested_at timestamptz NOT NULL,
    requested_by text        NOT NULL CHECK (requested_by IN ('SELF', 'ADMIN')),
    completed_at timestamptz,
    CHECK ((user_id IS NULL) = (completed_at IS NOT NULL))
);

-- Each service's part of an erasure: pending (erased_at null) until a replica of that service erased its rows, in the
-- same transaction. A service that is down when the erasure is asked finds its step when it returns.
CREATE TABLE privacy.erasure_step (
    erasure_id  uuid        NOT NULL REFERENCES privacy.erasure (id),
    service     text        NOT NULL,
    erased_at   timestamptz,
    rows_erased integer,
    PRIMARY KEY (erasure_id, service)
);
CREATE INDEX erasure_step_pending ON privacy.erasure_step (service) WHERE erased_at IS NULL;

ALTER TABLE privacy.erasure OWNER TO privacy_owner;
ALTER TABLE privacy.erasure_step OWNER TO privacy_owner;
