-- The audit chain is sealed with a keyed MAC (HMAC-SHA256) whose key lives outside the
-- database, so that holding the database is not enough to rewrite the log. Each entry records
-- the id of the key it was sealed with; the entries written before keys existed keep id 0,
-- their unkeyed SHA-256, and verify as before. Adding a column fires no row trigger, so the
-- append-only guard stays as it is.
ALTER TABLE audit_log ADD COLUMN key_id BIGINT NOT NULL DEFAULT 0;
