-- Every replanned day deletes its unfired water nudges and every fired nudge is updated: the table churns far faster
-- than the default 20 % threshold notices once it is large (bench/BENCHMARKS.md, "Found on the way").
ALTER TABLE nudge SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 10000,
                       autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 10000);
