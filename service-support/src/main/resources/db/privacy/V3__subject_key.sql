-- The key ring of sealed events (crypto-shredding, event-contracts sealed-event.v1): one AES-256 key per person,
-- made with the person's first event. Records on the topics carry only subject_ref and what the key sealed, so
-- shredding the key (user_id and secret to NULL) at the end of an erasure leaves nothing readable of the person on any
-- topic or topic backup. The shredded row stays, so a record of an erased person is told from a forged one.
CREATE TABLE privacy.subject_key (
    subject_ref uuid        PRIMARY KEY,
    user_id     text        UNIQUE,
    secret      bytea,
    created_at  timestamptz NOT NULL DEFAULT now(),
    shredded_at timestamptz,
    CHECK ((user_id IS NULL) = (shredded_at IS NOT NULL)),
    CHECK ((secret IS NULL) = (shredded_at IS NOT NULL)),
    CHECK (secret IS NULL OR octet_length(secret) = 32)
);

ALTER TABLE privacy.subject_key OWNER TO privacy_owner;
