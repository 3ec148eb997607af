-- PostgreSQL: as sqlite/V021__public_version_translations.sql. A translation added, edited or
-- removed changes what the public pages show (see V010).
CREATE FUNCTION translations_public_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE petitions SET public_version = public_version + 1 WHERE id = OLD.petition_id;
    ELSE
        UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER translations_public_change AFTER INSERT OR UPDATE OR DELETE ON petition_translations
FOR EACH ROW EXECUTE FUNCTION translations_public_version();
