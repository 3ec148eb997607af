package org.undersigned.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A partner organisation's web site on another origin (127.0.0.1, another port) that frames an embed. */
final class HostSite implements AutoCloseable {
    private final HttpServer server;

    private HostSite(String embedCode, boolean code) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Partner network</title></head>
                <body><main><h1>Partner network</h1><p><a href="/about">About us</a></p>
                %s
                <p>More of the partner's page, below the widget.</p>
                </main></body></html>""").formatted(embedCode).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
    }

    static HostSite framing(String embedUrl) {
        return pasting("""
                <iframe src="%s" title="Sign the campaign" style="width:100%%;max-width:40rem;height:60rem;border:0"></iframe>""".formatted(embedUrl));
    }

    /** The page with the embed code pasted as a coordinator copied it (the frame and its sizing script). */
    static HostSite pasting(String embedCode) {
        try {
            return new HostSite(embedCode, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
