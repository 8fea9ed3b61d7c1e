-- Autovacuum of job_runs after 1 % of the table (plus 10,000 rows) changed, rather than 20 %, with
-- the index clean-up always done.
--
-- Claims walk the claim index in run order, and every run claimed leaves its pending entry there,
-- dead, until VACUUM cleans the index. By default autovacuum comes after 20 % of the table changed,
-- so with ten million runs of history only after two million changes (about a million claimed
-- runs), and it then often skips the index clean-up, when the dead rows sit on few pages, as the
-- newest runs do. Measured on ten million runs (docs/SCALING.md): a burn-down ran at 0.97 of its
-- speed on an empty table right after a vacuum, at 0.67 with the dead entries of 50,000 claimed
-- runs left in the claim index. The same 20 % rule for analysis left the planner's statistics saying
-- that no run was pending while thousands were.
--
-- With ten million runs this vacuums after about 110,000 changed rows (some 55,000 runs); a vacuum
-- of that table took 3-8 s, so it should not come much more often. A household's small table is
-- vacuumed about as often as before (20 % of 50,000 runs is 10,000 rows).
ALTER TABLE job_runs SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 10000,
    vacuum_index_cleanup = on,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 10000
);
