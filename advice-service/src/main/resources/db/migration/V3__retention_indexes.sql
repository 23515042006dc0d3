-- The retention job deletes by these times, oldest first (docs/operations.md, Retention): each index finds the rows
-- without reading the table. The per-user indexes lead with user_id and cannot.
CREATE INDEX advice_issued_at ON advice (issued_at);
CREATE INDEX report_history_occurred_at ON report_history (occurred_at);
CREATE INDEX nudge_ack_acknowledged_at ON nudge_ack (acknowledged_at);
