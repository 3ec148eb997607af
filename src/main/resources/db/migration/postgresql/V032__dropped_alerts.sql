-- Alerts gain the kind 'dropped': sign-ons of the hour not stored (over a ceiling).
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN ('client', 'domain', 'name', 'dropped'));
