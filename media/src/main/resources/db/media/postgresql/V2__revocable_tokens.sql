-- The server revokes a token (keeping its row, so the audit of who held it survives) rather than
-- deleting it; a revoked token no longer authenticates.
ALTER TABLE api_tokens ADD COLUMN revoked_at BIGINT;
