package org.undersigned.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP link to a server that answers late: each reply travels {@code delay} before it arrives,
 * like a mail server across a slow network. An instance sending through it has its mails in hand
 * a while, long enough to be killed with some sent and not yet marked so.
 */
public final class SlowLink implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final long delayMillis;

    public SlowLink(int upstreamPort, Duration delay) {
        this.upstreamPort = upstreamPort;
        this.delayMillis = delay.toMillis();
        try {
            this.listener = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("slow-link", this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket("localhost", upstreamPort);
                daemon("slow-link-out", () -> pump(client, server, 0));
                daemon("slow-link-back", () -> pump(server, client, delayMillis));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Copies one direction until either side closes, then closes both. */
    private static void pump(Socket from, Socket to, long delayMillis) {
        byte[] buffer = new byte[8192];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (delayMillis > 0) Thread.sleep(delayMillis); // the network's latency, not a wait for anything
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // one side went away: so does the link
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
