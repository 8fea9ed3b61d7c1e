-- The claim counts, per concurrency key, the runs running and the older runs waiting.
CREATE INDEX job_runs_concurrency ON job_runs (concurrency_key, status)
    WHERE concurrency_key IS NOT NULL;
