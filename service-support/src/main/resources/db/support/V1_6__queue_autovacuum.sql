-- Both tables are queues: every outbox row is updated once it is sent (a dead row each) and old rows of both are
-- deleted by retention. With the default thresholds (20 % of the table dead) the relay's claim walks many dead
-- entries of its partial index between vacuums, and stale statistics turned it from an index scan of 0.05 ms into a
-- bitmap scan of 175 ms (bench/BENCHMARKS.md, section 6). Vacuum and analyze after a fixed number of changes instead.
ALTER TABLE outbox_event SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                              autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
ALTER TABLE processed_event SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                                 autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
