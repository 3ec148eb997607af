-- The closing (its closed_at) whose supporters have all been anonymised. Housekeeping skips such a
-- campaign instead of walking its supporters again every few minutes; a campaign reopened and
-- closed again has a new closed_at, so its new supporters are handled in their turn.
ALTER TABLE petitions ADD COLUMN supporters_anonymised_for BIGINT;
