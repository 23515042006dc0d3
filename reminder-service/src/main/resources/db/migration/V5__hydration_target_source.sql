-- Where the current water plan's advice stands in time, so that a late advice (redelivered, replayed from advice.dlq)
-- older than it is skipped instead of replacing the plan (PlanSource). advice_issued_at is null only for plans from
-- before V5, which any advice replaces; report_occurred_at is null also for advice from producers that did not send it.
ALTER TABLE hydration_target ADD COLUMN report_occurred_at timestamptz, ADD COLUMN advice_issued_at timestamptz;
