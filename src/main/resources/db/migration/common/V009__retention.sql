-- When a supporter's personal data was removed after their campaign closed (counts stay).
ALTER TABLE signatures ADD COLUMN anonymised_at BIGINT;
