package org.undersigned.web;

import io.javalin.http.Context;
import java.nio.charset.Charset;
import org.eclipse.jetty.http.MultiPart;

/**
 * A body that no handler could read: a charset Java does not know, or a multipart body without a
 * boundary. It is the client's mistake, found before any handler so that it fails as a 400 with
 * the error page and one line in the log, not deep inside the first read of a form field.
 */
public final class UnreadableBody extends RuntimeException {
    /** RFC 2046 allows a boundary of 1 to 70 characters. */
    private static final int LONGEST_BOUNDARY = 70;

    private UnreadableBody(String reason) {
        super(reason, null, false, false); // the reason says it all: no stack trace to fill in or log
    }

    /** A before-handler for every request: a content type the server cannot read is refused. */
    public static void refuse(Context ctx) {
        String contentType = ctx.header("Content-Type");
        if (contentType == null) return;
        // the charset as the handlers will ask for it, so that what passes here also passes there
        String charset;
        try {
            charset = ctx.characterEncoding();
        } catch (RuntimeException e) {
            throw new UnreadableBody("a malformed charset parameter");
        }
        if (charset != null && !supported(charset)) throw new UnreadableBody("a charset this server does not know");
        if (ctx.isMultipartFormData()) {
            String boundary = MultiPart.extractBoundary(contentType);
            if (boundary == null || boundary.isEmpty() || boundary.length() > LONGEST_BOUNDARY) {
                throw new UnreadableBody("a multipart body without a usable boundary");
            }
        }
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) { // IllegalCharsetNameException, or an empty name
            return false;
        }
    }
}
