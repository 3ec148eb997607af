-- Tags coordinators put on a petition's signatures ("member", "initiator"). A tag's name is unique
-- per petition whatever its case: name_key is its lower-case form, which signatures refer to;
-- name is how it was first written, as lists and the CSV show it.
CREATE TABLE tags (
    petition_id BIGINT      NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    name_key    VARCHAR(32) NOT NULL,
    name        VARCHAR(32) NOT NULL,
    created_at  BIGINT      NOT NULL,
    PRIMARY KEY (petition_id, name_key)
);

CREATE TABLE signature_tags (
    signature_id BIGINT      NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
    petition_id  BIGINT      NOT NULL,
    name_key     VARCHAR(32) NOT NULL,
    PRIMARY KEY (signature_id, name_key),
    FOREIGN KEY (petition_id, name_key) REFERENCES tags (petition_id, name_key) ON DELETE CASCADE
);
-- the list filtered by a tag, and the public list's initiators
CREATE INDEX signature_tags_by_tag ON signature_tags (petition_id, name_key, signature_id);

-- Pairs of signatures a coordinator judged to be different organisations although they look
-- alike (same domain, same folded name): no longer flagged as likely duplicates. low_id < high_id.
CREATE TABLE distinct_signatures (
    petition_id BIGINT NOT NULL,
    low_id      BIGINT NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
    high_id     BIGINT NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (low_id, high_id)
);
CREATE INDEX distinct_signatures_petition ON distinct_signatures (petition_id);
CREATE INDEX distinct_signatures_high ON distinct_signatures (high_id);

-- A statement's public page lists the signatures tagged "initiator" first, under their own heading.
ALTER TABLE petitions ADD COLUMN initiators_first BOOLEAN NOT NULL DEFAULT FALSE;
