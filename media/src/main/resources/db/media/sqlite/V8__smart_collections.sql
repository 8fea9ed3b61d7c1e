-- Which users were given their default smart collections (built from their activity), so that
-- they are made once: a user who deletes them does not get them back on the next run.
CREATE TABLE smart_collection_seeds (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    seeded_at  INTEGER NOT NULL,
    seeded     INTEGER NOT NULL
);

-- The smart collections' job reads each user's collections of a kind.
CREATE INDEX collections_user_kind ON collections (user_id, kind);

-- Rules compare genres and people's names without case; these let them find the rows by index.
CREATE INDEX item_genres_lower ON item_genres (LOWER(genre), item_id);
CREATE INDEX people_lower_name ON people (LOWER(name));
