-- Organisations' logos for a statement's logo wall, given when signing or by a coordinator. Only the
-- PNG the server drew again from the upload is kept (base64, as the site's logo is), never the upload.
-- hash names the PNG's content: its address changes with it, so that browsers may keep it for a year.
CREATE TABLE signature_logos (
    signature_id BIGINT      NOT NULL PRIMARY KEY REFERENCES signatures (id) ON DELETE CASCADE,
    hash         CHAR(16)    NOT NULL,
    png          TEXT        NOT NULL,
    width        INTEGER     NOT NULL,
    height       INTEGER     NOT NULL,
    created_at   BIGINT      NOT NULL
);
CREATE INDEX signature_logos_hash ON signature_logos (hash);

-- How a statement's page shows its signatories: by name (as before) or as a wall of logos with names.
ALTER TABLE petitions ADD COLUMN list_style VARCHAR(10) NOT NULL DEFAULT 'names' CHECK (list_style IN ('names', 'logos'));

-- SQLite leaves foreign keys unenforced here, and may give a deleted signature's id to the next one:
-- a logo goes with its signature, so that no new sign-on inherits another organisation's logo.
CREATE TRIGGER signature_logos_follow_signatures AFTER DELETE ON signatures
BEGIN
    DELETE FROM signature_logos WHERE signature_id = OLD.id;
END;
