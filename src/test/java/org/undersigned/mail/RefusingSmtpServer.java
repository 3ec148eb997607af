package org.undersigned.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A tiny SMTP server that refuses every recipient, and counts the tries: with a permanent 550 unless
 * given another reply, in which {address} and {local} stand for the recipient and its local part (as
 * real servers name them in their refusals).
 */
final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final UnaryOperator<String> replyTo;
    final AtomicInteger recipientsRefused = new AtomicInteger();

    RefusingSmtpServer() throws IOException {
        this("550 5.1.1 no such user");
    }

    RefusingSmtpServer(String reply) throws IOException {
        this(address -> reply.replace("{address}", address).replace("{local}", address.replaceFirst("@.*", "")));
    }

    /** replyTo: the whole reply line to a recipient, from its address. */
    RefusingSmtpServer(UnaryOperator<String> replyTo) throws IOException {
        this.replyTo = replyTo;
        socket = new ServerSocket(0);
        Thread thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                out.print("220 refusing ESMTP\r\n");
                out.flush();
                for (String line; (line = in.readLine()) != null; ) {
                    String command = line.toUpperCase();
                    if (command.startsWith("EHLO") || command.startsWith("HELO")) out.print("250 refusing\r\n");
                    else if (command.startsWith("MAIL FROM")) out.print("250 ok\r\n");
                    else if (command.startsWith("RCPT TO")) {
                        recipientsRefused.incrementAndGet();
                        String address = line.replaceFirst("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1");
                        out.print(replyTo.apply(address) + "\r\n");
                    } else if (command.startsWith("QUIT")) {
                        out.print("221 bye\r\n");
                        out.flush();
                        break;
                    } else out.print("250 ok\r\n");
                    out.flush();
                }
            } catch (IOException e) {
                if (socket.isClosed()) return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
