-- Relay isolation: a row that fails on its own (too large, topic missing or forbidden) is retried after its own
-- backoff (next_attempt_at) and parked after crampcare.outbox.max-attempts such failures (parked_at), visible in
-- GET /api/v1/admin/outbox and retried on demand. Either way it holds back only the later rows of its own key.
ALTER TABLE outbox_event ADD COLUMN next_attempt_at timestamptz, ADD COLUMN parked_at timestamptz;

-- The admin view and the parked gauge read only parked rows.
CREATE INDEX outbox_event_parked ON outbox_event (parked_at) WHERE parked_at IS NOT NULL;
