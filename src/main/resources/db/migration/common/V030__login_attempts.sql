-- The login throttle counts attempts, each reserved before its password is checked (issue 28), in
-- rows that one upsert counts up: per account (address ''), per client address (account_key ''),
-- and per account and address, each the attempts since its window began. The failures counted
-- after the check, which parallel guesses all got past, go.
DROP TABLE login_failures;

CREATE TABLE login_attempts (
    account_key TEXT    NOT NULL,
    address     TEXT    NOT NULL,
    since       BIGINT  NOT NULL,
    attempts    INTEGER NOT NULL,
    PRIMARY KEY (account_key, address)
);
CREATE INDEX login_attempts_since ON login_attempts (since);
