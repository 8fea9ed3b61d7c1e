-- Times are epoch milliseconds (UTC), bound from the engine's clock; SQL never reads its own clock.

CREATE TABLE job_schedules (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT    NOT NULL UNIQUE,
    job_name        TEXT    NOT NULL,
    job_type        TEXT    NOT NULL,
    user_id         INTEGER,
    frequency       TEXT    NOT NULL,
    time_zone       TEXT    NOT NULL,
    enabled         BOOLEAN NOT NULL,
    config          TEXT    NOT NULL,
    last_run_time   INTEGER,
    next_run_time   INTEGER,
    misfire_policy  TEXT    NOT NULL,
    max_attempts    INTEGER,
    timeout_seconds INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    version         INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX job_schedules_due ON job_schedules (next_run_time) WHERE enabled;
CREATE INDEX job_schedules_user ON job_schedules (user_id);

CREATE TABLE job_runs (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    job_name          TEXT    NOT NULL,
    job_type          TEXT    NOT NULL,
    user_id           INTEGER,
    schedule_id       INTEGER REFERENCES job_schedules (id) ON DELETE SET NULL,
    status            TEXT    NOT NULL,
    trigger_kind      TEXT    NOT NULL,
    attempt           INTEGER NOT NULL,
    retry_of          INTEGER,
    scheduled_for     INTEGER,
    run_at            INTEGER NOT NULL,
    start_time        INTEGER,
    end_time          INTEGER,
    progress          INTEGER NOT NULL DEFAULT 0,
    total_items       INTEGER NOT NULL DEFAULT 0,
    processed_items   INTEGER NOT NULL DEFAULT 0,
    status_message    TEXT,
    error_message     TEXT,
    metadata          TEXT    NOT NULL DEFAULT '{}',
    parameters        TEXT    NOT NULL DEFAULT '{}',
    node_id           TEXT,
    heartbeat_at      INTEGER,
    cancel_requested  BOOLEAN NOT NULL DEFAULT 0,
    timeout_ms        INTEGER,
    concurrency_key   TEXT,
    concurrency_limit INTEGER NOT NULL DEFAULT 1,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);

-- Each fire instant of a schedule produces exactly one run, however many nodes fire it.
CREATE UNIQUE INDEX job_runs_fire ON job_runs (schedule_id, scheduled_for)
    WHERE scheduled_for IS NOT NULL;
-- Every index is written on every status change of a run, so the others are partial where they
-- can be, and runs that need no entry (manual, system-wide, unlimited) get none.
CREATE INDEX job_runs_claim ON job_runs (run_at, id) WHERE status = 'pending';
CREATE INDEX job_runs_running ON job_runs (node_id, heartbeat_at) WHERE status = 'running';
-- A job limited to one run at a time per (job, user) cannot be running twice, even across nodes.
CREATE UNIQUE INDEX job_runs_exclusive ON job_runs (concurrency_key)
    WHERE status = 'running' AND concurrency_limit = 1;
CREATE INDEX job_runs_job ON job_runs (job_name, id);
CREATE INDEX job_runs_user ON job_runs (user_id, id) WHERE user_id IS NOT NULL;

CREATE TABLE job_run_logs (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id    INTEGER NOT NULL REFERENCES job_runs (id) ON DELETE CASCADE,
    logged_at INTEGER NOT NULL,
    level     TEXT    NOT NULL,
    message   TEXT    NOT NULL
);

CREATE INDEX job_run_logs_run ON job_run_logs (run_id, id);
