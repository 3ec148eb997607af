-- PostgreSQL: as sqlite/V010__public_version.sql. A number that changes whenever anything shown on a
-- petition's public page or JSON changes; pending sign-ons leave it alone. Kept by triggers, so no
-- write path can forget it. Every instance reads it before serving a cached page, so a change made
-- through one instance shows on all of them at once.
ALTER TABLE petitions ADD COLUMN public_version INTEGER NOT NULL DEFAULT 0;

-- Before the row is written, so the petition is not updated a second time (SQLite's trigger does).
CREATE FUNCTION petitions_public_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.public_version = OLD.public_version THEN
        NEW.public_version := OLD.public_version + 1;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER petitions_public_version BEFORE UPDATE ON petitions
FOR EACH ROW EXECUTE FUNCTION petitions_public_version();

-- For a row of a table with a petition_id whose change shows on that petition's public pages
-- (signatures here, translations in V021).
CREATE FUNCTION bump_public_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE petitions SET public_version = public_version + 1 WHERE id = OLD.petition_id;
    ELSE
        UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER signatures_public_insert AFTER INSERT ON signatures
FOR EACH ROW WHEN (NEW.status <> 'pending') EXECUTE FUNCTION bump_public_version();

CREATE TRIGGER signatures_public_update AFTER UPDATE ON signatures
FOR EACH ROW WHEN (OLD.status <> 'pending' OR NEW.status <> 'pending') EXECUTE FUNCTION bump_public_version();

CREATE TRIGGER signatures_public_delete AFTER DELETE ON signatures
FOR EACH ROW WHEN (OLD.status <> 'pending') EXECUTE FUNCTION bump_public_version();
