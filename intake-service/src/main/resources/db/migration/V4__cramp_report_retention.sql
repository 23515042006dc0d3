-- The retention job deletes reports by the time of their cramp, oldest first (docs/operations.md, Retention): this
-- index finds them without reading the table.
CREATE INDEX cramp_report_occurred_at ON cramp_report (occurred_at);
