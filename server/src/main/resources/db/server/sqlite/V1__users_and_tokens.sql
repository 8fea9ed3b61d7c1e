-- The server's own accounts. Times are epoch milliseconds (UTC), bound from the server's clock.

CREATE TABLE users (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL UNIQUE,
    role       TEXT    NOT NULL CHECK (role IN ('admin', 'user')),
    active     BOOLEAN NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

-- Only the SHA-256 of a token is kept: a stolen database yields no usable token.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);
