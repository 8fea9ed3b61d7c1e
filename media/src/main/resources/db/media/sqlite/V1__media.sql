-- Times are epoch milliseconds (UTC), bound from the application's clock; SQL never reads its own.
-- User data, play history and recommendations name items without a foreign key on purpose: a
-- user's history must survive a sync that removes an item, until library cleanup decides (merge
-- into a duplicate, or drop as data of a removed item).

CREATE TABLE users (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    username    TEXT    NOT NULL UNIQUE,
    email       TEXT,
    role        TEXT    NOT NULL CHECK (role IN ('admin', 'user')),
    active      BOOLEAN NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE user_job_preferences (
    user_id                   INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    recommendations_enabled   BOOLEAN NOT NULL,
    notifications_enabled     BOOLEAN NOT NULL,
    max_notifications_per_day INTEGER NOT NULL,
    preferred_genres          TEXT    NOT NULL,
    excluded_genres           TEXT    NOT NULL,
    updated_at                INTEGER NOT NULL
);

CREATE TABLE media_sources (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id               INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type                  TEXT    NOT NULL
        CHECK (type IN ('local', 'jellyfin', 'emby', 'plex', 'subsonic')),
    name                  TEXT    NOT NULL,
    config                TEXT    NOT NULL,
    secrets               TEXT,
    enabled               BOOLEAN NOT NULL,
    sync_interval_seconds INTEGER NOT NULL,
    last_synced_at        INTEGER,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    UNIQUE (user_id, name)
);

CREATE TABLE media_items (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    type                  TEXT    NOT NULL CHECK (type IN
        ('movie', 'series', 'season', 'episode', 'artist', 'album', 'track')),
    title                 TEXT    NOT NULL,
    original_title        TEXT,
    sort_title            TEXT,
    year                  INTEGER,
    premiered             TEXT,
    overview              TEXT,
    studio                TEXT,
    rating                REAL,
    parent_id             INTEGER REFERENCES media_items (id) ON DELETE SET NULL,
    series_id             INTEGER REFERENCES media_items (id) ON DELETE SET NULL,
    season_number         INTEGER,
    episode_number        INTEGER,
    disc_number           INTEGER,
    track_number          INTEGER,
    duration_seconds      INTEGER,
    match_key             TEXT    NOT NULL,
    metadata_refreshed_at INTEGER,
    added_at              INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
);

CREATE INDEX media_items_match ON media_items (match_key);
CREATE INDEX media_items_parent ON media_items (parent_id);
CREATE INDEX media_items_series ON media_items (series_id);
CREATE INDEX media_items_type_added ON media_items (type, added_at);
CREATE INDEX media_items_refreshed ON media_items (metadata_refreshed_at);

CREATE TABLE item_external_ids (
    item_id     INTEGER NOT NULL REFERENCES media_items (id) ON DELETE CASCADE,
    provider    TEXT    NOT NULL CHECK (provider IN ('imdb', 'tmdb', 'tvdb', 'musicbrainz')),
    external_id TEXT    NOT NULL,
    PRIMARY KEY (item_id, provider)
);

CREATE INDEX item_external_ids_lookup ON item_external_ids (provider, external_id);

CREATE TABLE item_genres (
    item_id INTEGER NOT NULL REFERENCES media_items (id) ON DELETE CASCADE,
    genre   TEXT    NOT NULL,
    PRIMARY KEY (item_id, genre)
);

CREATE INDEX item_genres_genre ON item_genres (genre);

CREATE TABLE item_tags (
    item_id INTEGER NOT NULL REFERENCES media_items (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (item_id, tag)
);

CREATE TABLE people (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT    NOT NULL UNIQUE
);

CREATE TABLE item_credits (
    item_id    INTEGER NOT NULL REFERENCES media_items (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    role       TEXT    NOT NULL CHECK (role IN ('actor', 'director', 'writer', 'artist', 'composer')),
    role_name  TEXT,
    sort_order INTEGER NOT NULL,
    PRIMARY KEY (item_id, person_id, role)
);

CREATE INDEX item_credits_person ON item_credits (person_id);

CREATE TABLE item_refs (
    source_id      INTEGER NOT NULL REFERENCES media_sources (id) ON DELETE CASCADE,
    source_item_id TEXT    NOT NULL,
    item_id        INTEGER NOT NULL REFERENCES media_items (id) ON DELETE CASCADE,
    fingerprint    TEXT    NOT NULL,
    last_synced_at INTEGER NOT NULL,
    PRIMARY KEY (source_id, source_item_id)
);

CREATE INDEX item_refs_item ON item_refs (item_id);

CREATE TABLE user_item_data (
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_id           INTEGER NOT NULL,
    play_count        INTEGER NOT NULL,
    last_played_at    INTEGER,
    played_percentage REAL    NOT NULL,
    favorite          BOOLEAN NOT NULL,
    rating            REAL,
    watchlist         BOOLEAN NOT NULL,
    updated_at        INTEGER NOT NULL,
    PRIMARY KEY (user_id, item_id)
);

CREATE INDEX user_item_data_item ON user_item_data (item_id);

CREATE TABLE play_history (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_id           INTEGER NOT NULL,
    played_at         INTEGER NOT NULL,
    played_percentage REAL    NOT NULL,
    source_id         INTEGER REFERENCES media_sources (id) ON DELETE SET NULL,
    UNIQUE (user_id, item_id, played_at)
);

CREATE INDEX play_history_item ON play_history (item_id);

CREATE TABLE collections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    description TEXT,
    kind        TEXT    NOT NULL CHECK (kind IN ('manual', 'smart')),
    rules       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (user_id, name)
);

CREATE TABLE collection_items (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    item_id       INTEGER NOT NULL REFERENCES media_items (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    added_at      INTEGER NOT NULL,
    PRIMARY KEY (collection_id, item_id)
);

CREATE INDEX collection_items_item ON collection_items (item_id);

CREATE TABLE recommendations (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    media_item_id     INTEGER,
    media_type        TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    year              INTEGER,
    genres            TEXT    NOT NULL,
    similar_items     TEXT    NOT NULL,
    matches_actors    TEXT    NOT NULL,
    matches_directors TEXT    NOT NULL,
    matches_genres    TEXT    NOT NULL,
    reasoning         TEXT,
    recommended_by    TEXT    NOT NULL,
    ai_model          TEXT,
    job_run_id        INTEGER,
    source            TEXT,
    external_ids      TEXT    NOT NULL,
    confidence        REAL    NOT NULL,
    expires_at        INTEGER,
    is_viewed         BOOLEAN NOT NULL,
    user_rating       REAL,
    in_library        BOOLEAN NOT NULL,
    dismissed         BOOLEAN NOT NULL,
    active            BOOLEAN NOT NULL,
    created_at        INTEGER NOT NULL
);

CREATE INDEX recommendations_user ON recommendations (user_id, active);
CREATE INDEX recommendations_expires ON recommendations (expires_at);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    message    TEXT    NOT NULL,
    item_id    INTEGER,
    is_read    BOOLEAN NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER
);

CREATE INDEX notifications_user ON notifications (user_id, created_at);
CREATE INDEX notifications_expires ON notifications (expires_at);

CREATE TABLE activity_profiles (
    user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    profile     TEXT    NOT NULL,
    computed_at INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    last_used_at INTEGER
);

CREATE INDEX api_tokens_expires ON api_tokens (expires_at);
