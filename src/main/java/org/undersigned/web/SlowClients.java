package org.undersigned.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps clients that send slowly from holding the request threads. A request must arrive whole,
 * headers and body, within a deadline of its first byte, else its connection is closed: Jetty's
 * idle timeout alone lets a body trickled a byte every few seconds hold a thread for ever. And one
 * address holds at most so many connections at once; one more is closed as it opens. Trusted
 * proxies are exempt from that cap, as every client behind them shares their address (the proxy
 * limits its clients itself).
 */
public final class SlowClients extends AbstractLifeCycle implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(SlowClients.class);
    private final int perClient;
    private final Duration deadline;
    private final Predicate<String> exempt;
    /** Each open connection and the address it counts against; "" for one that counts against none. */
    private final Map<Connection, String> open = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong cutOff = new AtomicLong();
    private Scheduler scheduler;
    private volatile Scheduler.Task next;

    public SlowClients(int perClient, Duration deadline, Predicate<String> exempt) {
        this.perClient = perClient;
        this.deadline = deadline;
        this.exempt = exempt;
    }

    /** Watches every connection the connector opens, from when it starts until it stops. */
    public void watch(ServerConnector connector) {
        scheduler = connector.getScheduler();
        connector.addBean(this);
    }

    @Override
    public void onOpened(Connection connection) {
        String address = connection.getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : null;
        if (address == null || exempt.test(address)) {
            open.put(connection, "");
            return;
        }
        int count = perAddress.merge(address, 1, Integer::sum);
        open.put(connection, address);
        if (count > perClient) {
            refused.incrementAndGet();
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        String address = open.remove(connection);
        if (address != null && !address.isEmpty()) perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }

    /** Connections closed on opening because their address already held its share. */
    public long refused() {
        return refused.get();
    }

    /** Connections closed because their request had not arrived whole in time. */
    public long cutOff() {
        return cutOff.get();
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) task.cancel();
    }

    private void schedule() {
        if (isRunning() || isStarting()) next = scheduler.schedule(this::sweep, sweepEvery(), TimeUnit.MILLISECONDS);
    }

    /** A quarter of the deadline, at most a second: a request is cut off at most that much late. */
    private long sweepEvery() {
        return Math.max(50, Math.min(1000, deadline.toMillis() / 4));
    }

    private void sweep() {
        try {
            for (Connection connection : open.keySet()) {
                // Jetty's HTTP/1 connection is the only kind served; its parser knows where a request is
                if (!(connection instanceof HttpConnection http)) continue;
                HttpParser parser = http.getParser();
                // read the state first: it is volatile and written after the begin time, which is then at least as new
                HttpParser.State state = parser.getState();
                boolean arriving = state != HttpParser.State.START && state.ordinal() < HttpParser.State.END.ordinal();
                if (arriving && NanoTime.millisSince(parser.getBeginNanoTime()) > deadline.toMillis()) {
                    cutOff.incrementAndGet();
                    log.info("Closed a connection whose request was still arriving after {} s", deadline.toSeconds());
                    connection.getEndPoint().close(new TimeoutException("request not whole after " + deadline.toSeconds() + " s"));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not check for slow requests: {}", e.toString());
        } finally {
            schedule();
        }
    }
}
