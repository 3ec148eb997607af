package org.undersigned.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts the requests being handled, so a stop can wait for them before the server goes. While
 * draining, new requests get a short 503 with Retry-After (a proxy or the browser tries again
 * on the next instance) and the ones already in flight finish, however slowly their bodies come.
 * Jetty's own GracefulHandler fails a request still reading its body once stop begins.
 */
public final class InFlightRequests extends Handler.Wrapper {
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (draining) {
            response.setStatus(503);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(true, ByteBuffer.wrap("The server is restarting; please try again in a moment.\n"
                    .getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        inFlight.incrementAndGet();
        Callback counted = new Callback() {
            @Override
            public void succeeded() {
                inFlight.decrementAndGet();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                inFlight.decrementAndGet();
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
        boolean handled;
        try {
            handled = super.handle(request, response, counted);
        } catch (Exception | Error e) {
            inFlight.decrementAndGet();
            throw e;
        }
        if (!handled) inFlight.decrementAndGet();
        return handled;
    }

    /** Refuses new requests from now on and waits until those in flight are done; false if time ran out. */
    public boolean drain(Duration patience) {
        draining = true;
        long deadline = System.nanoTime() + patience.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public int count() {
        return inFlight.get();
    }
}
