-- The nodes that run the engine on this database, each stamping its heartbeat.
CREATE TABLE job_nodes (
    node_id      TEXT    PRIMARY KEY,
    host         TEXT    NOT NULL,
    pid          INTEGER NOT NULL,
    started_at   INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
);
