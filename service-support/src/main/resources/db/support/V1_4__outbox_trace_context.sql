-- The W3C trace context current when the event was written, so the relay can publish it in the record's headers
-- and the consumer continues the same trace. Null for rows written outside any trace (and rows older than this).
ALTER TABLE outbox_event ADD COLUMN traceparent text, ADD COLUMN tracestate text;
