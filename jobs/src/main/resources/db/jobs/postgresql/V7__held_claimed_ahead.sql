-- Runs claimed ahead of a node's free workers stay pending, held by the node (node_id set), until a
-- worker starts them. The node stamps them with its heartbeat and gives them back when it stops;
-- another node gives back those of a node that stopped stamping them. Few runs are held at a time.
CREATE INDEX job_runs_held ON job_runs (node_id, heartbeat_at)
    WHERE status = 'pending' AND node_id IS NOT NULL;

-- A held run is not claimable: the claim index leaves it out, so that holding a run writes no entry
-- there and claims do not step over the held runs at the head of the queue.
DROP INDEX job_runs_claim;
CREATE INDEX job_runs_claim ON job_runs (run_at, id) WHERE status = 'pending' AND node_id IS NULL;

-- A held run of a job limited to one run at a time is as taken as a running one: its worker starts
-- it without asking the database first, so no other node may take a run of its key meanwhile.
DROP INDEX job_runs_exclusive;
CREATE UNIQUE INDEX job_runs_exclusive ON job_runs (concurrency_key)
    WHERE concurrency_limit = 1 AND (status = 'running' OR (status = 'pending' AND node_id IS NOT NULL));

-- A held run that ends (its start and end written at once), or is cancelled, frees its key's slot
-- as a running one does.
DROP TRIGGER job_runs_slot_freed ON job_runs;
CREATE TRIGGER job_runs_slot_freed AFTER UPDATE OF status ON job_runs
    FOR EACH ROW WHEN ((OLD.status = 'running' OR (OLD.status = 'pending' AND OLD.node_id IS NOT NULL))
                       AND NEW.status NOT IN ('running', 'pending')
                       AND NEW.concurrency_key IS NOT NULL)
    EXECUTE FUNCTION suasor_notify_slot_freed();

-- The node holding a run hears of its cancellation at once, so that no worker of it starts the run.
DROP TRIGGER job_runs_cancel_requested ON job_runs;
CREATE TRIGGER job_runs_cancel_requested AFTER UPDATE OF cancel_requested ON job_runs
    FOR EACH ROW WHEN (NEW.cancel_requested AND NOT OLD.cancel_requested
                       AND (NEW.status = 'running' OR (OLD.status = 'pending' AND OLD.node_id IS NOT NULL)))
    EXECUTE FUNCTION suasor_notify_cancel();

-- A run given back is claimable again: the statement that gives it back wakes the nodes as for a
-- new run (PostgresDialect.announceClaimable), not a trigger on UPDATE OF node_id, whose condition
-- every claim (which sets node_id) would evaluate for each run it takes.
