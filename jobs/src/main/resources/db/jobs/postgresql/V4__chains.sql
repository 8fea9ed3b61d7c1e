-- Chains: a schedule may follow another job ("after JOB" in its frequency). The followed job is
-- kept beside the text so that the statement ending a run can find its followers by index.
ALTER TABLE job_schedules ADD COLUMN after_job TEXT;

CREATE INDEX job_schedules_after ON job_schedules (after_job) WHERE after_job IS NOT NULL;

-- The finished run a chained run follows. Each finished run gives each following schedule
-- exactly one run, however many nodes record it.
ALTER TABLE job_runs ADD COLUMN after_run_id BIGINT;

CREATE UNIQUE INDEX job_runs_after ON job_runs (schedule_id, after_run_id)
    WHERE after_run_id IS NOT NULL;
