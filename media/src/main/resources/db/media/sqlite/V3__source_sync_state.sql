-- What a source last said of its owner's played and favourite state for an item (null: it keeps
-- none, or has not said yet). A sync compares it with what the source says now to tell a change
-- made in the source from one made elsewhere, and writes back to the source what changed elsewhere.
ALTER TABLE item_refs ADD COLUMN source_played BOOLEAN;
ALTER TABLE item_refs ADD COLUMN source_favorite BOOLEAN;

-- When the user's played and favourite state last changed (from any source, or in Suasor): when two
-- sources disagree, the newest change wins.
ALTER TABLE user_item_data ADD COLUMN played_changed_at INTEGER;
ALTER TABLE user_item_data ADD COLUMN favorite_changed_at INTEGER;

-- Per source and catalog (movies, series, music): where the next incremental listing starts, in the
-- server's own clock, and when the last complete listing (the one that notices removals) started.
CREATE TABLE source_sync_state (
    source_id      INTEGER NOT NULL REFERENCES media_sources (id) ON DELETE CASCADE,
    catalog        TEXT    NOT NULL,
    changed_since  INTEGER,
    complete_at    INTEGER,
    PRIMARY KEY (source_id, catalog)
);
