-- The nodes that run the engine on this database, each stamping its heartbeat.
CREATE TABLE job_nodes (
    node_id      TEXT   PRIMARY KEY,
    host         TEXT   NOT NULL,
    pid          BIGINT NOT NULL,
    started_at   BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);

-- Wake sleeping nodes when work appears or changes, whoever wrote it (a node, the CLI, psql):
-- 'run' when runs are inserted, 'schedule' when a schedule may now be due earlier than before,
-- 'cancel:<id>' when someone asks to cancel a running run. Identical notifications in one
-- transaction are delivered once, so a batch insert wakes each node once.
CREATE FUNCTION suasor_notify_run_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('suasor_jobs', 'run');
    RETURN NULL;
END;
$$;

CREATE TRIGGER job_runs_inserted AFTER INSERT ON job_runs
    FOR EACH STATEMENT EXECUTE FUNCTION suasor_notify_run_inserted();

CREATE FUNCTION suasor_notify_cancel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('suasor_jobs', 'cancel:' || NEW.id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER job_runs_cancel_requested AFTER UPDATE OF cancel_requested ON job_runs
    FOR EACH ROW WHEN (NEW.cancel_requested AND NOT OLD.cancel_requested AND NEW.status = 'running')
    EXECUTE FUNCTION suasor_notify_cancel();

CREATE FUNCTION suasor_notify_schedule() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('suasor_jobs', 'schedule');
    RETURN NULL;
END;
$$;

-- Firing moves next_run_time later, which no sleeping node needs to hear about; an edit that
-- makes a schedule due earlier, or enables it, does.
CREATE TRIGGER job_schedules_inserted AFTER INSERT ON job_schedules
    FOR EACH ROW WHEN (NEW.enabled AND NEW.next_run_time IS NOT NULL)
    EXECUTE FUNCTION suasor_notify_schedule();

CREATE TRIGGER job_schedules_due_earlier AFTER UPDATE ON job_schedules
    FOR EACH ROW WHEN (NEW.enabled AND NEW.next_run_time IS NOT NULL
        AND (NOT OLD.enabled OR OLD.next_run_time IS NULL OR NEW.next_run_time < OLD.next_run_time))
    EXECUTE FUNCTION suasor_notify_schedule();
