-- The W3C trace context of the planning (the advice event, or the workout request), so that firing the nudge later
-- continues that trace: the nudge.due event's trace is the report's. Null where nothing was traced.
ALTER TABLE nudge ADD COLUMN traceparent text, ADD COLUMN tracestate text;
