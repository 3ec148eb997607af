package org.undersigned.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Answers requests whose work waits for the single writer, without holding a request thread
 * while it waits. A sign-on hands its write in and returns its thread to Jetty; once the writer
 * has committed (and fsynced), the answer is rendered and sent on one of Jetty's threads again.
 * A spike of waiting sign-ons thus takes no thread each, and a client slow to read its answer
 * holds one of Jetty's threads, as any request does, never the writer's.
 *
 * <p>Failures are answered the same way: an error page is never rendered on the writer's thread.
 */
public final class AfterWrites {
    private final Executor requestThreads;

    /** requestThreads: Jetty's own pool, the one the server's requests run on. */
    public AfterWrites(Executor requestThreads) {
        this.requestThreads = requestThreads;
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
        }, this::execute);
    }

    /**
     * Runs on the writer's thread as it completes the write: a refusal thrown from here would leave
     * the rest of its commit's callers unanswered, so once Jetty's pool refuses (the server has
     * stopped after its grace period) the answer is attempted right here instead.
     */
    private void execute(Runnable work) {
        try {
            requestThreads.execute(work);
        } catch (RejectedExecutionException stopped) {
            work.run();
        }
    }
}
