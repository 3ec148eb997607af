-- Coordinator accounts (issue 30): the language mails to a coordinator come in; an optional second
-- factor (the TOTP secret being enrolled, the one in use, and the last time step accepted, so that
-- a code works once); invitations an admin withdrew; the name of a removed coordinator, kept on
-- their audit entries; sessions that still wait for the second factor.
ALTER TABLE coordinators ADD COLUMN language VARCHAR(5) NOT NULL DEFAULT 'en';
ALTER TABLE coordinators ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE coordinators ADD COLUMN totp_pending VARCHAR(64);
ALTER TABLE coordinators ADD COLUMN totp_last_step BIGINT;
ALTER TABLE invitations ADD COLUMN revoked_at BIGINT;
ALTER TABLE audit_log ADD COLUMN actor_name VARCHAR(200);
ALTER TABLE sessions ADD COLUMN awaiting_code SMALLINT NOT NULL DEFAULT 0;

-- A forgotten password: only the SHA-256 of the link's token is stored; a link works once, for an hour.
CREATE TABLE password_resets (
    token_hash     CHAR(64) PRIMARY KEY,
    coordinator_id BIGINT   NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    created_at     BIGINT   NOT NULL,
    expires_at     BIGINT   NOT NULL,
    used_at        BIGINT
);
CREATE INDEX password_resets_coordinator ON password_resets (coordinator_id);

-- Ten single-use codes for when the authenticator is lost, stored hashed.
CREATE TABLE recovery_codes (
    coordinator_id BIGINT   NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    code_hash      CHAR(64) NOT NULL,
    used_at        BIGINT,
    PRIMARY KEY (coordinator_id, code_hash)
);
