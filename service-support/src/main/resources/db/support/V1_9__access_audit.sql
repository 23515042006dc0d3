-- Audit of access (service-support AccessAudit): every read or change of a user's data by someone other than that
-- user (an admin acting for them, the dead-letter tools), with who, what, when and why. Kept apart from the business
-- data: its own table, written in its own transaction, never joined with business tables.
CREATE TABLE access_audit (
    id              uuid PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),   -- the database's clock
    actor           text        NOT NULL,                 -- the token's subject (sub)
    actor_role      text        NOT NULL,
    subject_user_id text,                                 -- whose data; null: a record id that named nobody
    operation       text        NOT NULL,                 -- "GET /api/v1/users/{userId}/drinks", "dead-letters.replay"
    reason          text        NOT NULL,                 -- the CrampCare-Access-Reason header
    service         text        NOT NULL
);

CREATE INDEX access_audit_subject_at ON access_audit (subject_user_id, at);
CREATE INDEX access_audit_at ON access_audit (at);
