-- The relay claims only the oldest unsent row per key; this index answers "is there an earlier unsent row?".
CREATE INDEX outbox_event_unsent_by_key ON outbox_event (message_key, seq) WHERE sent_at IS NULL;
