package org.undersigned.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A CRM's webhook endpoint, as its developer would write one from the Standard Webhooks spec: it
 * keeps every request, answers with the statuses it is told to (then 200), and checks signatures
 * with its own code rather than the server's.
 */
final class Receiver implements AutoCloseable {
    record Received(String id, long timestamp, String signature, String contentType, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError(body, e);
            }
        }

        String type() {
            return json().path("type").asText();
        }

        /** Whether the signature header holds v1,HMAC-SHA256(key, id.timestamp.body), the key being the secret's bytes after whsec_. */
        boolean signedWith(String secret) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return List.of(signature.split(" ")).contains(expected);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final HttpServer server;
    /** How long each answer takes: a slow CRM, so that deliveries are in flight when the server is killed. */
    volatile long delayMillis;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            String timestamp = h.getFirst("webhook-timestamp");
            received.add(new Received(h.getFirst("webhook-id"), timestamp == null ? -1 : Long.parseLong(timestamp),
                    h.getFirst("webhook-signature"), h.getFirst("Content-Type"), body));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next answers, in order; after them, 200. */
    void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    /** Each delivery once, by webhook-id, as a receiver that drops repeats sees them. */
    List<Received> distinct() {
        List<Received> seen = new ArrayList<>();
        for (Received r : received) if (seen.stream().noneMatch(s -> s.id().equals(r.id()))) seen.add(r);
        return seen;
    }

    List<String> types() {
        return distinct().stream().map(Received::type).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
