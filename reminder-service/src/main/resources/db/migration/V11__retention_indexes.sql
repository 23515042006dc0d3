-- The retention job deletes by these times, oldest first (docs/operations.md, Retention): each index finds the rows
-- without reading the table. Nudges: only past ones are deleted, planned ones have nudge_planned_due.
CREATE INDEX nudge_past_due ON nudge (due_at) WHERE status <> 'PLANNED';
CREATE INDEX drink_drunk_at ON drink (drunk_at);
CREATE INDEX hydration_day_local_date ON hydration_day (local_date);
