package org.undersigned;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of the app, closed in the reverse order of their registration: a part started
 * later uses those started before it, so it must stop first. One part failing to close is logged
 * and the others still close, so that a stuck chore never leaves the database open.
 */
final class Closer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Closer.class);

    private record Part(String name, AutoCloseable closeable) {}

    private final Deque<Part> parts = new ArrayDeque<>();

    /** Registers a part as soon as it holds something to release; returns it, so building and registering are one step. */
    synchronized <T extends AutoCloseable> T add(String name, T part) {
        parts.push(new Part(name, part));
        return part;
    }

    /**
     * Closes every part registered so far, the last first, and forgets them, so that a second call
     * closes nothing twice.
     *
     * @return whether every part closed without an exception
     */
    synchronized boolean closeAll() {
        boolean clean = true;
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            try {
                part.closeable().close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                log.error("Closing the {} failed; closing the rest", part.name(), e);
                clean = false;
            }
        }
        return clean;
    }

    @Override
    public void close() {
        closeAll();
    }
}
