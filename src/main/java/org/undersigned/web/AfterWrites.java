package org.undersigned.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Answers requests whose work waits for the single writer, without holding a request thread
 * while it waits. A sign-on hands its write in and returns its thread to Jetty; once the writer
 * has committed (and fsynced), one of these few threads renders and sends the answer. The writer
 * puts a commit's answers on their queue instead of waking each waiting sign-on's thread in
 * turn, and a spike of waiting sign-ons no longer takes one of Jetty's threads each.
 *
 * <p>Failures are answered here too: an error page is never rendered on the writer's thread.
 */
public final class AfterWrites implements AutoCloseable {
    private final ExecutorService threads;

    public AfterWrites(int threadCount) {
        AtomicInteger numbers = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, work -> {
            Thread thread = new Thread(work, "after-write-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * For Javalin's {@code ctx.future}: completes once {@code answer} has run with what a
     * successful {@code write} returned, or fails with the write's failure (and Javalin shows the
     * error page).
     */
    public <T> CompletableFuture<Void> answer(CompletableFuture<T> write, Consumer<T> answer) {
        return write.handleAsync((written, failure) -> {
            if (failure != null) throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
            answer.accept(written);
            return null;
        }, threads);
    }

    /** After the requests in flight have finished: ends the threads. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) threads.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }
}
