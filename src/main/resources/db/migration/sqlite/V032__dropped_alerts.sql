-- Alerts gain the kind 'dropped': sign-ons of the hour not stored (over a ceiling). SQLite cannot
-- change a CHECK constraint in place, so the table is made again with its rows.
CREATE TABLE alerts_new (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER      NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    kind        VARCHAR(12)  NOT NULL CHECK (kind IN ('client', 'domain', 'name', 'dropped')),
    key         VARCHAR(254) NOT NULL,
    hour        BIGINT       NOT NULL,
    count       INTEGER      NOT NULL,
    created_at  BIGINT       NOT NULL
);
INSERT INTO alerts_new (id, petition_id, kind, key, hour, count, created_at)
SELECT id, petition_id, kind, key, hour, count, created_at FROM alerts;
DROP TABLE alerts;
ALTER TABLE alerts_new RENAME TO alerts;
CREATE UNIQUE INDEX alerts_once ON alerts (petition_id, kind, key, hour);
