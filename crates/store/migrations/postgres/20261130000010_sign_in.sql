-- Sign-in that cannot be turned against its users (issue 15, item 4).
--
-- API tokens expire. A token made before this column existed has NULL, read as "no expiry
-- recorded": it lapses 90 days after its creation. `last_used_at` shows when a token last
-- authenticated a request, written at most once a minute per token.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;

-- Sessions end after a time without requests as well as at their absolute end: when each was
-- last seen (written at most once a minute; NULL for sessions opened before, read as their
-- creation) and the client address it was opened from, for the owner's list of sessions.
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
ALTER TABLE sessions ADD COLUMN address TEXT;
