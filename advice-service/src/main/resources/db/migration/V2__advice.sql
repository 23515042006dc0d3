-- What the advice service keeps of each user's past reports (a projection of cramp-reports events; it never
-- reads the intake schema): enough to judge "frequent".
CREATE TABLE report_history (
    report_id   uuid PRIMARY KEY,
    user_id     text        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX report_history_user_time ON report_history (user_id, occurred_at);

-- Nudge acknowledgements (from nudge-acks), for adherence. One row per event; a nudge may be snoozed, then done.
CREATE TABLE nudge_ack (
    event_id        text PRIMARY KEY,
    nudge_id        uuid        NOT NULL,
    user_id         text        NOT NULL,
    kind            text        NOT NULL,
    outcome         text        NOT NULL,
    acknowledged_at timestamptz NOT NULL
);
CREATE INDEX nudge_ack_user_time ON nudge_ack (user_id, acknowledged_at);

-- Advice as issued: the event payload in body, the columns it is looked up and listed by beside it.
CREATE TABLE advice (
    id              uuid PRIMARY KEY,
    report_id       uuid        NOT NULL UNIQUE,
    user_id         text        NOT NULL,
    issued_at       timestamptz NOT NULL,
    urgency         text        NOT NULL,
    ruleset_version text        NOT NULL,
    body            text        NOT NULL   -- AdviceIssuedV1 as JSON
);
CREATE INDEX advice_user_time ON advice (user_id, issued_at DESC, id DESC);
