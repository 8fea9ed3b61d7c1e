-- What new-release notifications need: how urgent a notification is, a key naming what it tells
-- of (unique per user, so that a re-run or a second node cannot tell the same thing twice), the
-- release it announces (date, media type, the release's own external ids as JSON), and how many
-- library items it groups (a series' new episodes, an album's tracks).
ALTER TABLE notifications ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('high', 'normal', 'low'));
ALTER TABLE notifications ADD COLUMN dedupe_key TEXT;
ALTER TABLE notifications ADD COLUMN media_type TEXT;
ALTER TABLE notifications ADD COLUMN release_date TEXT;
ALTER TABLE notifications ADD COLUMN external_ids TEXT NOT NULL DEFAULT '{}';
ALTER TABLE notifications ADD COLUMN item_count INTEGER NOT NULL DEFAULT 1;

-- NULL keys (notifications made before keys existed) stay distinct, as SQL's unique indexes treat
-- them.
CREATE UNIQUE INDEX notifications_dedupe ON notifications (user_id, dedupe_key);
-- The list reads a user's notifications unread first, then newest.
CREATE INDEX notifications_inbox ON notifications (user_id, is_read, created_at);

-- Up to when each user was told of the items new to their library; the next run tells of what
-- their sources gained after it. Per user rather than per run, so that a user's own run and the
-- daily run for everyone (or a run that stopped between users) each move only their users' marks.
CREATE TABLE notification_watermarks (
    user_id           INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    new_items_through INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);

-- The items a user was lately told of (or that their preferences or limit left out): a run looks
-- again a little before the watermark, for items a sync was still writing when the previous run
-- read, and leaves out those listed here. Only items within that margin are kept.
CREATE TABLE notification_recent_items (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_id  INTEGER NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, item_id)
);

-- When a source first held an item, so that an item already in the catalogue (another user's)
-- is still new to the library of a user whose source gains it. Rows from before take the time
-- they were last synced, the closest known. No index on it: notifications read it once a day per
-- user through the references of their sources, and an index made every first sync slower.
ALTER TABLE item_refs ADD COLUMN added_at INTEGER;
UPDATE item_refs SET added_at = last_synced_at;
