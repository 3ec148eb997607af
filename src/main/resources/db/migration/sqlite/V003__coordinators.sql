-- Coordinators, their sessions, login throttling, invitations, who coordinates what, and the audit trail.
CREATE TABLE coordinators (
    id            INTEGER PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(254) NOT NULL,
    name          VARCHAR(200) NOT NULL DEFAULT '',
    role          VARCHAR(12)  NOT NULL CHECK (role IN ('admin', 'coordinator')),
    password_hash VARCHAR(100),
    created_at    BIGINT       NOT NULL
);
CREATE UNIQUE INDEX coordinators_email ON coordinators (email_key);

-- Only the SHA-256 of a session id is stored: a copy of the database opens no session.
CREATE TABLE sessions (
    id_hash        CHAR(64)    PRIMARY KEY,
    coordinator_id INTEGER     NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    csrf_token     VARCHAR(64) NOT NULL,
    created_at     BIGINT      NOT NULL,
    last_seen_at   BIGINT      NOT NULL
);
CREATE INDEX sessions_coordinator ON sessions (coordinator_id);

CREATE TABLE login_failures (
    id          INTEGER PRIMARY KEY,
    account_key VARCHAR(254) NOT NULL,
    address     VARCHAR(64)  NOT NULL,
    at          BIGINT       NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account_key, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

CREATE TABLE invitations (
    token_hash     CHAR(64) PRIMARY KEY,
    coordinator_id INTEGER  NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    created_at     BIGINT   NOT NULL,
    expires_at     BIGINT   NOT NULL,
    used_at        BIGINT
);

CREATE TABLE petition_coordinators (
    petition_id    INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    coordinator_id INTEGER NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    PRIMARY KEY (petition_id, coordinator_id)
);

CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    coordinator_id INTEGER REFERENCES coordinators (id) ON DELETE SET NULL,
    actor          VARCHAR(254) NOT NULL,
    action         VARCHAR(40)  NOT NULL,
    target         VARCHAR(300) NOT NULL DEFAULT '',
    detail         VARCHAR(1000) NOT NULL DEFAULT '',
    at             BIGINT       NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
