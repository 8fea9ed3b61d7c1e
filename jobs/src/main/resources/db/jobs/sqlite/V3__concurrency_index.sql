-- The claim counts, per concurrency key, the runs running and the older runs waiting.
CREATE INDEX job_runs_concurrency ON job_runs (concurrency_key, status)
    WHERE concurrency_key IS NOT NULL;

-- Dashboards follow the runs every node changes, newest changes last.
CREATE INDEX job_runs_changed ON job_runs (updated_at, id);
