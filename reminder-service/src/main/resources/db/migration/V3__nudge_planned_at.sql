-- When each nudge was planned: ops can tell how long after the advice a plan appeared (bench/run.sh latency reads it).
-- clock_timestamp(), not now(): the insert's own time, not its transaction's start.
ALTER TABLE nudge ADD COLUMN planned_at timestamptz NOT NULL DEFAULT clock_timestamp();
