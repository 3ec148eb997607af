package org.undersigned.mail;

import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timer behind the SMTP connections' write timeout, shared by all of them.
 *
 * <p>Angus Mail guards each write on the socket with a task scheduled on a timer and cancelled
 * once the write returns; left alone, it gives each connection a timer of its own. A task that
 * becomes the earliest on its timer wakes the timer's thread, so with an idle timer every write
 * would wake a thread, a cost paid many times over for each mail.
 * Here a no-op runs every second, so a write's task, due in seconds, is never the earliest and
 * wakes nobody; the timer's thread wakes once a second, and a stuck write still fails in time.
 */
final class WriteTimeouts implements AutoCloseable {
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, run -> {
        Thread thread = new Thread(run, "mail-write-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    WriteTimeouts() {
        timer.setRemoveOnCancelPolicy(true); // a cancelled guard leaves the queue at once, as Angus's own timer does
        timer.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
    }

    /** The Angus Mail property through which the connections get this timer. */
    Properties property() {
        Properties property = new Properties();
        property.put("mail.smtp.executor.writetimeout", timer);
        return property;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
