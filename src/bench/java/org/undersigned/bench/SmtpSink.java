package org.undersigned.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SMTP server that accepts every mail and keeps nothing (like Postfix's smtp-sink), so
 * the drain rate measures the app, not the sink. One thread per connection; the relay uses four.
 * Of each recipient's first mail with a confirmation link it keeps that link's token, for the
 * confirmations of phase 2c.
 */
final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private static final Pattern CONFIRM_LINK = Pattern.compile("/confirm/([A-Za-z0-9_-]{43,44})");
    private final LongAdder received = new LongAdder();
    private final Map<String, String> confirmTokens = new ConcurrentHashMap<>();

    SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    long received() {
        return received.sum();
    }

    /** The confirmation tokens kept for recipients whose address starts with this prefix. */
    List<String> confirmTokens(String addressPrefix) {
        return confirmTokens.entrySet().stream().filter(e -> e.getKey().startsWith(addressPrefix)).map(Map.Entry::getValue).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "smtp-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            reply(out, "220 sink ESMTP");
            String line;
            String recipient = null;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 ok");
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        reply(out, "250 ok");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        boolean wanted = recipient != null && !confirmTokens.containsKey(recipient);
                        StringBuilder joined = new StringBuilder(); // quoted-printable lines ending in '=' go on
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (!wanted) continue; // the message is read and dropped
                            if (line.endsWith("=")) {
                                joined.append(line, 0, line.length() - 1);
                                continue;
                            }
                            Matcher link = CONFIRM_LINK.matcher(joined.append(line));
                            if (link.find()) {
                                confirmTokens.putIfAbsent(recipient, link.group(1));
                                wanted = false;
                            }
                            joined.setLength(0);
                        }
                        recipient = null;
                        received.increment();
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
