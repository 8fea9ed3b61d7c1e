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
