package org.undersigned.mail;

/** Hands one message to whatever delivers it. */
interface MailTransport extends AutoCloseable {
    void send(QueuedMail mail) throws MailFailure;

    @Override
    default void close() {}
}
