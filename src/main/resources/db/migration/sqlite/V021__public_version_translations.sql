-- A translation added, edited or removed changes what the public pages show (see V010).
CREATE TRIGGER translations_public_insert AFTER INSERT ON petition_translations
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
END;

CREATE TRIGGER translations_public_update AFTER UPDATE ON petition_translations
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
END;

CREATE TRIGGER translations_public_delete AFTER DELETE ON petition_translations
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = OLD.petition_id;
END;
