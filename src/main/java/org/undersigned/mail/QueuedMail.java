package org.undersigned.mail;

/** An outbox row the relay is about to send. */
record QueuedMail(long id, String recipient, String subject, String textBody, String htmlBody, String headers, int attempts) {}
