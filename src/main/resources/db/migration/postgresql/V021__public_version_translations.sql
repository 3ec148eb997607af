-- PostgreSQL: as sqlite/V021__public_version_translations.sql. A translation added, edited or
-- removed changes what the public pages show (see V010, whose function does the bump).
CREATE TRIGGER translations_public_change AFTER INSERT OR UPDATE OR DELETE ON petition_translations
FOR EACH ROW EXECUTE FUNCTION bump_public_version();
