package org.undersigned.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mail as its reader sees it: who, subject, the plain text and HTML parts, and the links in them. */
public record ReceivedMail(String to, String subject, String text, String html, MimeMessage raw) {
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");

    static ReceivedMail of(MimeMessage message) {
        try {
            String[] parts = new String[2];
            collect(message.getContent(), message.getContentType(), parts);
            return new ReceivedMail(message.getAllRecipients()[0].toString(), message.getSubject(),
                    parts[0] == null ? "" : parts[0], parts[1] == null ? "" : parts[1], message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Object content, String type, String[] parts) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else if (content instanceof String s) {
            if (type.toLowerCase().startsWith("text/plain")) parts[0] = s;
            else if (type.toLowerCase().startsWith("text/html")) parts[1] = s;
        }
    }

    /** Every link in the plain-text part whose path starts with the prefix. */
    public List<String> linksTo(String pathPrefix) {
        List<String> links = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            if (URI.create(m.group()).getPath().startsWith(pathPrefix)) links.add(m.group());
        }
        return links;
    }

    /** The one link to the prefix; fails if there is none or more than one. */
    public String linkTo(String pathPrefix) {
        List<String> links = linksTo(pathPrefix);
        if (links.size() != 1) throw new AssertionError("expected one " + pathPrefix + " link, found " + links + " in:\n" + text);
        return links.get(0);
    }

    public String header(String name) {
        try {
            return raw.getHeader(name, ", ");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
