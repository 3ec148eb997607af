-- The "initiator" tag shows on the public page (see V043, initiators_first): adding or removing it
-- moves the petition's public_version (see V010), so cached pages follow. Other tags are not public.
CREATE TRIGGER signature_tags_public_insert AFTER INSERT ON signature_tags
WHEN NEW.name_key = 'initiator'
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
END;

CREATE TRIGGER signature_tags_public_delete AFTER DELETE ON signature_tags
WHEN OLD.name_key = 'initiator'
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = OLD.petition_id;
END;
