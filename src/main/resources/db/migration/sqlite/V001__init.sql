-- Times are epoch milliseconds (BIGINT) so the SQL stays the same on PostgreSQL.

CREATE TABLE settings (
    name  VARCHAR(100) PRIMARY KEY,
    value TEXT NOT NULL
);

-- What people sign: joint statements (organisations) and campaigns (supporters).
CREATE TABLE petitions (
    id         INTEGER PRIMARY KEY,
    kind       VARCHAR(10)  NOT NULL CHECK (kind IN ('statement', 'campaign')),
    slug       VARCHAR(100) NOT NULL,
    title      VARCHAR(300) NOT NULL,
    summary    VARCHAR(500) NOT NULL DEFAULT '',
    body       TEXT         NOT NULL,
    status     VARCHAR(10)  NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    goal       INTEGER,
    created_at BIGINT       NOT NULL,
    updated_at BIGINT       NOT NULL,
    closed_at  BIGINT
);
CREATE UNIQUE INDEX petitions_kind_slug ON petitions (kind, slug);

-- The exact consent wording shown to a signer, kept once per distinct text.
CREATE TABLE consent_texts (
    hash       CHAR(64)    PRIMARY KEY,
    locale     VARCHAR(10) NOT NULL,
    text       TEXT        NOT NULL,
    created_at BIGINT      NOT NULL
);

CREATE TABLE signatures (
    id            INTEGER PRIMARY KEY,
    petition_id   INTEGER      NOT NULL REFERENCES petitions (id),
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('pending', 'confirmed', 'withdrawn')),
    -- the address as typed; email_key is the form duplicates are compared in, NULL once withdrawn
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(254),
    organisation  VARCHAR(200),
    org_type      VARCHAR(30),
    website       VARCHAR(500),
    contact_name  VARCHAR(200),
    first_name    VARCHAR(100),
    last_name     VARCHAR(100),
    comment       VARCHAR(1000),
    country       CHAR(2)      NOT NULL,
    locale        VARCHAR(10)  NOT NULL,
    consent_hash  CHAR(64)     NOT NULL REFERENCES consent_texts (hash),
    updates       BOOLEAN      NOT NULL DEFAULT FALSE,
    mails_sent    INTEGER      NOT NULL DEFAULT 0,
    created_at    BIGINT       NOT NULL,
    confirmed_at  BIGINT,
    withdrawn_at  BIGINT
);
CREATE UNIQUE INDEX signatures_one_per_email ON signatures (petition_id, email_key);
CREATE INDEX signatures_listing ON signatures (petition_id, status, country);

-- Secret links sent by mail; only the SHA-256 of each token is stored.
CREATE TABLE signature_tokens (
    token_hash   CHAR(64)    PRIMARY KEY,
    signature_id INTEGER     NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
    purpose      VARCHAR(10) NOT NULL CHECK (purpose IN ('confirm', 'manage')),
    created_at   BIGINT      NOT NULL,
    expires_at   BIGINT
);
CREATE INDEX signature_tokens_signature ON signature_tokens (signature_id);

-- Mail waiting to go out, written in the same transaction as what caused it.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(500) NOT NULL,
    text_body       TEXT         NOT NULL,
    html_body       TEXT         NOT NULL,
    headers         TEXT         NOT NULL DEFAULT '',
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at BIGINT       NOT NULL,
    last_error      VARCHAR(1000),
    created_at      BIGINT       NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
