-- Campaign share images, the one reminder a pending signer gets, and one-click unsubscribe.
ALTER TABLE petitions ADD COLUMN image_url VARCHAR(500);
ALTER TABLE signatures ADD COLUMN reminded_at BIGINT;
ALTER TABLE signatures ADD COLUMN unsubscribed_at BIGINT;
CREATE INDEX signatures_pending ON signatures (status, created_at);

-- SQLite cannot change a CHECK constraint in place: rebuild the token table with the new purpose.
CREATE TABLE signature_tokens_v2 (
    token_hash   CHAR(64)    PRIMARY KEY,
    signature_id INTEGER     NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
    purpose      VARCHAR(12) NOT NULL CHECK (purpose IN ('confirm', 'manage', 'unsubscribe')),
    created_at   BIGINT      NOT NULL,
    expires_at   BIGINT
);
INSERT INTO signature_tokens_v2 (token_hash, signature_id, purpose, created_at, expires_at)
SELECT token_hash, signature_id, purpose, created_at, expires_at FROM signature_tokens;
DROP TABLE signature_tokens;
ALTER TABLE signature_tokens_v2 RENAME TO signature_tokens;
CREATE INDEX signature_tokens_signature ON signature_tokens (signature_id);
