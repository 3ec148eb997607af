package org.undersigned.mail;

/**
 * An exception as the log may show it: its class names and stack frames, none of its messages,
 * which can quote a mail's address or content (a database error quotes the values it was given).
 */
final class Scrubbed extends RuntimeException {
    private Scrubbed(Throwable original, int depth) {
        super(original.getClass().getName(), next(original, depth), false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable original) {
        return new Scrubbed(original, 0);
    }

    private static Throwable next(Throwable original, int depth) {
        Throwable cause = original.getCause();
        return cause == null || cause == original || depth >= 10 ? null : new Scrubbed(cause, depth + 1);
    }

    /** As the original's class name alone, so a stack trace reads "Caused by: java.sql.SQLException". */
    @Override
    public String toString() {
        return getMessage();
    }
}
