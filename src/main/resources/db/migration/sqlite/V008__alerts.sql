-- Unusual activity on a petition: many sign-ons in one hour from one client, one email domain or one
-- organisation name. One row (and one alert mail) per petition, kind, key and hour.
CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER      NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    kind        VARCHAR(12)  NOT NULL CHECK (kind IN ('client', 'domain', 'name')),
    key         VARCHAR(254) NOT NULL,
    hour        BIGINT       NOT NULL,
    count       INTEGER      NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE UNIQUE INDEX alerts_once ON alerts (petition_id, kind, key, hour);
