-- Autovacuum of job_runs by a fixed number of changed rows rather than by a share of the table.
--
-- Claims walk the claim index in run order, and every run claimed leaves its pending entry there,
-- dead, until VACUUM cleans the index. By default autovacuum comes after 20 % of the table changed,
-- so with ten million runs of history only after two million changes, and it then often skips the
-- index clean-up (when few pages hold dead rows): claims stepped over hundreds of thousands of dead
-- entries, and a burn-down on such a history ran at 0.75 of its speed on an empty table; after a
-- vacuum, at 0.97 (docs/SCALING.md). The same share rule left the planner's statistics saying that
-- no run is pending while thousands were.
--
-- 100,000 dead rows is about 50,000 runs (a claim and an end each), a walk of some 150 index pages
-- at worst; a vacuum of a ten-million-run table took 3-8 s, so it should not come much more often.
ALTER TABLE job_runs SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 100000,
    vacuum_index_cleanup = on,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 10000
);
