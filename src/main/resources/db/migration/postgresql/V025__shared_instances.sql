-- PostgreSQL: as sqlite/V025__shared_instances.sql, and every column of free text made TEXT.
-- Several instances on one database (PostgreSQL). A mail being sent is claimed until a time: if its
-- instance dies, another sends it once the claim has lapsed (at least once, never lost). Each
-- chore's rounds are taken in turn through one row, so a round runs on one instance only.
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT;

CREATE TABLE chore_turns (
    name        VARCHAR(60)  PRIMARY KEY,
    holder      VARCHAR(100) NOT NULL DEFAULT '',
    held_until  BIGINT       NOT NULL DEFAULT 0,
    next_due_at BIGINT       NOT NULL DEFAULT 0,
    rounds      BIGINT       NOT NULL DEFAULT 0
);

-- SQLite keeps any length in a column declared VARCHAR(n) or CHAR(n); the application checks the
-- lengths of what people type where it takes it in. PostgreSQL would refuse, or pad CHAR with
-- spaces, so its columns of text are TEXT, and both keep the same values. (A link token's key is
-- 76 characters in a CHAR(64) column since issue 18.) The short codes with a CHECK stay as they are.
ALTER TABLE settings ALTER COLUMN name TYPE TEXT;
ALTER TABLE petitions ALTER COLUMN slug TYPE TEXT, ALTER COLUMN title TYPE TEXT, ALTER COLUMN summary TYPE TEXT,
    ALTER COLUMN image_url TYPE TEXT, ALTER COLUMN consent_text TYPE TEXT, ALTER COLUMN lang TYPE TEXT;
ALTER TABLE consent_texts ALTER COLUMN hash TYPE TEXT, ALTER COLUMN locale TYPE TEXT;
ALTER TABLE signatures ALTER COLUMN email TYPE TEXT, ALTER COLUMN email_key TYPE TEXT, ALTER COLUMN organisation TYPE TEXT,
    ALTER COLUMN org_type TYPE TEXT, ALTER COLUMN website TYPE TEXT, ALTER COLUMN contact_name TYPE TEXT,
    ALTER COLUMN first_name TYPE TEXT, ALTER COLUMN last_name TYPE TEXT, ALTER COLUMN comment TYPE TEXT,
    ALTER COLUMN locale TYPE TEXT, ALTER COLUMN consent_hash TYPE TEXT, ALTER COLUMN moderation_note TYPE TEXT,
    ALTER COLUMN display_name TYPE TEXT, ALTER COLUMN client_hash TYPE TEXT, ALTER COLUMN text_lang TYPE TEXT;
ALTER TABLE signature_tokens ALTER COLUMN token_hash TYPE TEXT;
ALTER TABLE outbox ALTER COLUMN recipient TYPE TEXT, ALTER COLUMN subject TYPE TEXT, ALTER COLUMN last_error TYPE TEXT;
ALTER TABLE coordinators ALTER COLUMN email TYPE TEXT, ALTER COLUMN email_key TYPE TEXT, ALTER COLUMN name TYPE TEXT,
    ALTER COLUMN password_hash TYPE TEXT;
ALTER TABLE sessions ALTER COLUMN id_hash TYPE TEXT, ALTER COLUMN csrf_token TYPE TEXT;
ALTER TABLE login_failures ALTER COLUMN account_key TYPE TEXT, ALTER COLUMN address TYPE TEXT;
ALTER TABLE invitations ALTER COLUMN token_hash TYPE TEXT;
ALTER TABLE audit_log ALTER COLUMN actor TYPE TEXT, ALTER COLUMN action TYPE TEXT, ALTER COLUMN target TYPE TEXT,
    ALTER COLUMN detail TYPE TEXT;
ALTER TABLE petition_versions ALTER COLUMN title TYPE TEXT, ALTER COLUMN created_by TYPE TEXT;
ALTER TABLE petition_translations ALTER COLUMN lang TYPE TEXT, ALTER COLUMN title TYPE TEXT, ALTER COLUMN summary TYPE TEXT;
ALTER TABLE alerts ALTER COLUMN key TYPE TEXT;
ALTER TABLE chore_turns ALTER COLUMN name TYPE TEXT, ALTER COLUMN holder TYPE TEXT;
