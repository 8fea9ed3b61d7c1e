-- When a source's current favourite state for an item began, as far as Suasor knows: when Suasor
-- first saw it say so, or wrote it there (null: rows from before this column; their last sync time
-- stands in). A change made in Suasor after this time is one the source has not heard of, so a
-- change the source reports then is a conflict; one made before is not.
ALTER TABLE item_refs ADD COLUMN source_favorite_at BIGINT;
