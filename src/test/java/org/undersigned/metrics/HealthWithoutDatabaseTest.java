package org.undersigned.metrics;

import org.undersigned.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.db.Database;
import org.undersigned.mail.Outbox;

/** A load balancer takes the instance out when its database stops answering: /healthz says 503. */
class HealthWithoutDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void health_answers_503_when_the_database_does_not_answer() throws Exception {
        Database database = new Database(TestDatabase.url(dir.resolve("gone.db")));
        OperationsRoutes operations = new OperationsRoutes(database, new Outbox(database, Clock.systemUTC()), new Metrics(), null);
        Javalin server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.port = 0;
            operations.register(cfg.routes);
        }).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/healthz")).build();
            assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).as("while it answers").isEqualTo(200);

            database.close(); // its connections gone, as after a failed disk
            HttpResponse<String> down = http.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).as("from the machine itself").isEqualTo("unavailable\ndatabase: not answering\n");
            assertThat(down.headers().firstValue("Cache-Control")).hasValue("no-store");
            HttpRequest relayed = HttpRequest.newBuilder(health.uri()).header("X-Forwarded-For", "203.0.113.9").build();
            HttpResponse<String> publicly = http.send(relayed, HttpResponse.BodyHandlers.ofString());
            assertThat(publicly.statusCode()).isEqualTo(503);
            assertThat(publicly.body()).as("through a proxy").isEqualTo("unavailable\n");
        } finally {
            server.stop();
        }
    }
}
