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
