-- API tokens of coordinators. Only the SHA-256 of a token is stored: a copy of the database opens no
-- API. A token reaches what its coordinator manages at the moment it is used (petition_coordinators),
-- so nothing about petitions is kept here. last_used_at moves at most once a minute.
CREATE TABLE api_tokens (
    id             INTEGER PRIMARY KEY,
    token_hash     CHAR(64)     NOT NULL,
    coordinator_id INTEGER      NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    name           VARCHAR(100) NOT NULL,
    scope          VARCHAR(10)  NOT NULL CHECK (scope IN ('read', 'write')),
    created_at     BIGINT       NOT NULL,
    last_used_at   BIGINT,
    revoked_at     BIGINT
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_coordinator ON api_tokens (coordinator_id);
