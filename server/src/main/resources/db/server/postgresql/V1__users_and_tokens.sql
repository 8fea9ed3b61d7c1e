-- The server's own accounts. Times are epoch milliseconds (UTC), bound from the server's clock.

CREATE TABLE users (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT      NOT NULL UNIQUE,
    role       TEXT      NOT NULL CHECK (role IN ('admin', 'user')),
    active     BOOLEAN   NOT NULL DEFAULT TRUE,
    created_at BIGINT    NOT NULL
);

-- Only the SHA-256 of a token is kept: a stolen database yields no usable token.
CREATE TABLE api_tokens (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT      NOT NULL,
    token_hash   TEXT      NOT NULL UNIQUE,
    created_at   BIGINT    NOT NULL,
    revoked_at   BIGINT
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);
