-- When the daily digest of a petition last went out.
ALTER TABLE petitions ADD COLUMN digest_sent_at BIGINT;
