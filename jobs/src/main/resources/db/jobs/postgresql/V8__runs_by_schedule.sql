-- Deleting a schedule sets schedule_id to NULL in its runs (the foreign key's ON DELETE SET NULL),
-- a statement that looks the runs up by schedule_id alone. No index could answer it: those that
-- start with schedule_id hold fired runs only (scheduled_for IS NOT NULL) or chained ones, so every
-- deletion read all of job_runs, 2-3 s per schedule with ten million runs (MemoryBench), and a
-- source's deletion removes each of its media sync jobs. The fire-instant index now holds every run
-- of a schedule: the same uniqueness (a run without a fire instant never conflicts, NULLs being
-- distinct), and the lookup of a schedule's runs, without an index more for each run to write.
DROP INDEX job_runs_fire;
CREATE UNIQUE INDEX job_runs_fire ON job_runs (schedule_id, scheduled_for)
    WHERE schedule_id IS NOT NULL;
