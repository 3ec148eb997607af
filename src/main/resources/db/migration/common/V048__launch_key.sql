-- The private pre-launch link of a petition (see LaunchKeys): a random key that lets its holders
-- read and sign the petition before its opening time. Kept as written, not hashed, so that a
-- coordinator can show the same link again to each initiator; NULL until one is made.
ALTER TABLE petitions ADD COLUMN launch_key VARCHAR(64);
