-- Runs claimed ahead of a node's free workers stay pending, held by the node (node_id set), until a
-- worker starts them. The node stamps them with its heartbeat, and gives them back when it stops;
-- another node gives back those of a node that stopped heartbeating. Few runs are held at a time.
CREATE INDEX job_runs_held ON job_runs (node_id, heartbeat_at)
    WHERE status = 'pending' AND node_id IS NOT NULL;
