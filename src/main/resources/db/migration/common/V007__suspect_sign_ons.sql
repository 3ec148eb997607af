-- Floods are absorbed, not obeyed: sign-ons over the rate limit, or that filled the honeypot, are kept
-- aside as suspect (not mailed, not counted, not listed) for coordinators to release or discard.
-- client_hash is a keyed hash of the client address: enough to count, useless to identify anyone.
ALTER TABLE signatures ADD COLUMN client_hash VARCHAR(64);
ALTER TABLE signatures ADD COLUMN suspect VARCHAR(12);
CREATE INDEX signatures_client ON signatures (petition_id, client_hash, created_at);
