-- The claim counts, per concurrency key, the runs running and the older runs waiting.
CREATE INDEX job_runs_concurrency ON job_runs (concurrency_key, status)
    WHERE concurrency_key IS NOT NULL;

-- Dashboards follow the runs every node changes, newest changes last.
CREATE INDEX job_runs_changed ON job_runs (updated_at, id);

-- A run of a job at its concurrency limit waits until another run of that job ends, perhaps on
-- another node: tell the nodes when that happens and a run of the same key is waiting.
CREATE FUNCTION suasor_notify_slot_freed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM job_runs
               WHERE concurrency_key = NEW.concurrency_key AND status = 'pending') THEN
        PERFORM pg_notify('suasor_jobs', 'run');
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER job_runs_slot_freed AFTER UPDATE OF status ON job_runs
    FOR EACH ROW WHEN (OLD.status = 'running' AND NEW.status <> 'running'
                       AND NEW.concurrency_key IS NOT NULL)
    EXECUTE FUNCTION suasor_notify_slot_freed();
