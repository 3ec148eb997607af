-- PostgreSQL: as sqlite/V044__initiator_tags_public_version.sql. The "initiator" tag shows on the
-- public page (V043, initiators_first): adding or removing it moves the petition's public_version.
CREATE TRIGGER signature_tags_public_insert AFTER INSERT ON signature_tags
FOR EACH ROW WHEN (NEW.name_key = 'initiator') EXECUTE FUNCTION bump_public_version();

CREATE TRIGGER signature_tags_public_delete AFTER DELETE ON signature_tags
FOR EACH ROW WHEN (OLD.name_key = 'initiator') EXECUTE FUNCTION bump_public_version();
