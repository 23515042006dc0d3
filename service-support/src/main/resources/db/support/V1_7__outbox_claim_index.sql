-- The relay's claim scans claimable rows in seq order and probes each row's key for an earlier unsent row. That probe
-- must use outbox_event_unsent_by_key whatever the planner's statistics say: with statistics taken while the outbox
-- was drained, the planner believed the unsent index empty and answered the probe from the seq index instead, a scan
-- of the whole backlog for every row (20,238 unsent rows: 533 s for one claim, bench/BENCHMARKS.md). The seq index
-- now covers only claimable rows (not parked), so its predicate no longer matches the probe and the by-key index is
-- the only one that can answer it.
CREATE INDEX outbox_event_claimable ON outbox_event (seq) WHERE sent_at IS NULL AND parked_at IS NULL;
DROP INDEX outbox_event_unsent;
