-- The coordinators' contact for a petition: mails about it carry it as Reply-To, so that a signer's
-- answer reaches people rather than the sending address. NULL: no Reply-To, replies go to MAIL_FROM.
ALTER TABLE petitions ADD COLUMN reply_to VARCHAR(254);
