-- A number that changes whenever anything shown on a petition's public page or JSON changes:
-- the petition itself, or a signature that is (or was) confirmed. New pending sign-ons leave it
-- alone, so a stream of sign-ons does not empty the page cache. Kept by triggers, so no write
-- path can forget it.
ALTER TABLE petitions ADD COLUMN public_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER petitions_public_version AFTER UPDATE ON petitions
WHEN NEW.public_version = OLD.public_version
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.id;
END;

CREATE TRIGGER signatures_public_insert AFTER INSERT ON signatures
WHEN NEW.status <> 'pending'
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
END;

CREATE TRIGGER signatures_public_update AFTER UPDATE ON signatures
WHEN OLD.status <> 'pending' OR NEW.status <> 'pending'
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
END;

CREATE TRIGGER signatures_public_delete AFTER DELETE ON signatures
WHEN OLD.status <> 'pending'
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = OLD.petition_id;
END;
