-- The network's member organisations, as an admin last uploaded them (an upload replaces the roster).
-- A sign-on is matched to a member by website or mail domain when it is read, never stored, so counts
-- follow merges, withdrawals and imports. opt_out_hash: the hash of the token in a reminder's opt-out link.
CREATE TABLE members (
    id            VARCHAR(64)  PRIMARY KEY,
    position      INTEGER      NOT NULL,
    name          VARCHAR(300) NOT NULL,
    country       VARCHAR(2)   NOT NULL DEFAULT '',
    website       VARCHAR(500) NOT NULL DEFAULT '',
    email         VARCHAR(320) NOT NULL DEFAULT '',
    opt_out_hash  VARCHAR(64)  UNIQUE,
    opted_out_at  BIGINT,
    created_at    BIGINT       NOT NULL
);
-- One reminder per statement: when it was sent, and by whom.
CREATE TABLE member_reminders (
    petition_id    BIGINT NOT NULL PRIMARY KEY REFERENCES petitions (id) ON DELETE CASCADE,
    coordinator_id BIGINT REFERENCES coordinators (id) ON DELETE SET NULL,
    sent_at        BIGINT NOT NULL
);
ALTER TABLE petitions ADD COLUMN members_public BOOLEAN NOT NULL DEFAULT FALSE;
