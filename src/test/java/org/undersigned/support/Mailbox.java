package org.undersigned.support;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** The test's SMTP server, read the way a person reads their inbox. */
public final class Mailbox {
    private final GreenMailOperations greenMail;
    private final java.util.Map<String, ReceivedMail> parsed = new java.util.HashMap<>();

    public Mailbox(GreenMailOperations greenMail) {
        this.greenMail = greenMail;
    }

    /** Waits (up to 15 s) until at least {@code count} mails have arrived, and returns all of them. */
    public List<ReceivedMail> await(int count) {
        if (!greenMail.waitForIncomingEmail(15_000, count)) {
            throw new AssertionError("expected " + count + " mail(s), got " + all().size());
        }
        return all();
    }

    /** Every mail so far (each address's in order of arrival); each is parsed once. */
    public synchronized List<ReceivedMail> all() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            mails.add(parsed.computeIfAbsent(messageId(message), id -> ReceivedMail.of(message)));
        }
        return mails;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The n-th mail (from 1) that reached this address, waiting for it if needed. */
    public ReceivedMail nth(String address, int n) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<ReceivedMail> to = to(address);
            if (to.size() >= n) return to.get(n - 1);
            sleep();
        }
        throw new AssertionError("no mail #" + n + " to " + address + "; have " + all().stream().map(m -> m.to() + ": " + m.subject()).toList());
    }

    public List<ReceivedMail> to(String address) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
