-- The coordinators' list pages newest first through 100,000 signatures without sorting them all.
CREATE INDEX signatures_by_time ON signatures (petition_id, created_at);
