-- Artwork a metadata provider (TMDB) found for an item: addresses of images, not the images.
-- Kept apart from what a source sync writes, so a sync does not erase them.
ALTER TABLE media_items ADD COLUMN poster_url TEXT;
ALTER TABLE media_items ADD COLUMN backdrop_url TEXT;
