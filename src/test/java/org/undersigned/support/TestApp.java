package org.undersigned.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.undersigned.App;
import org.undersigned.Config;

/**
 * The real application on a free port, against a database of its own ({@link TestDatabase}) and the test's
 * SMTP server, with a clock the test controls. Also a side door into the database for setting
 * up statements (no coordinator area yet) and for checking what was stored.
 */
public final class TestApp implements AutoCloseable {
    public static final String ADMIN_EMAIL = "admin@undersigned.test";
    public static final String ADMIN_PASSWORD = "a long admin passphrase 2026";
    /** bcrypt's lowest cost: a login takes a millisecond, not a quarter of a second of a core (production: {@link Config#PASSWORD_HASH_COST}). */
    public static final int PASSWORD_HASH_COST = 4;
    public final Config config;
    public final TestClock clock;
    public final Browser browser;
    private App app;

    private TestApp(Config config, TestClock clock) {
        this.config = config;
        this.clock = clock;
        this.browser = new Browser(config.web().baseUrl());
        this.app = new App(config, clock).start();
    }

    public static TestApp start(Path dir, int smtpPort) {
        return start(config(dir, new Config.Smtp("localhost", smtpPort, null, null, Config.Transport.PLAIN)));
    }

    public static TestApp start(Config config) {
        return new TestApp(config, new TestClock());
    }

    public static Config config(Path dir, Config.Smtp smtp) {
        int port = freePort();
        // fast retries and chores so that tests wait milliseconds; limits high enough that no test trips them by accident
        return Config.builder()
                .port(port).baseUrl("http://localhost:" + port)
                .databaseUrl(TestDatabase.url(dir.resolve("test.db")))
                .demoData(false)
                .smtp(smtp).mailDir(dir.resolve("mail")).mailRetryBase(Duration.ofMillis(200))
                .housekeepingInterval(Duration.ofMillis(200))
                .rateLimits(new Config.RateLimits(1000, 10_000, 1000))
                .connectionsPerClient(10_000) // every test client connects from loopback
                .firstAdmin(ADMIN_EMAIL, ADMIN_PASSWORD)
                .passwordHashCost(PASSWORD_HASH_COST)
                .build();
    }

    /** A browser that keeps cookies, logged in as the given coordinator. */
    public Browser loggedIn(String email, String password) {
        Browser browser = new Browser(config.web().baseUrl(), true);
        Page done = browser.get("/admin/login").form("form[action=/admin/login]")
                .set("email", email).set("password", password).submit();
        if (done.status() != 303) throw new AssertionError("login failed: " + done.status() + " " + done.text());
        return browser;
    }

    public Browser admin() {
        return loggedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A coordinator (not admin) with this password, assigned to nothing yet; returns its id. */
    public long coordinator(String email, String password) {
        String hash = new org.undersigned.coordinator.Passwords(config.passwordHashCost()).hash(password);
        return db().withHandle(h -> h.createUpdate("""
                        INSERT INTO coordinators (email, email_key, name, role, password_hash, created_at)
                        VALUES (:email, lower(:email), '', 'coordinator', :hash, :now)""")
                .bind("email", email).bind("hash", hash).bind("now", clock.millis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public void assign(String slug, long coordinatorId) {
        db().useHandle(h -> h.execute("INSERT INTO petition_coordinators (petition_id, coordinator_id) "
                + "SELECT id, ? FROM petitions WHERE slug = ?", coordinatorId, slug));
    }

    /** Waits until no mail is queued or being sent: each one reached the mail server or was given up. */
    public void awaitOutboxSettled() {
        Wait.until("the outbox to settle", () -> count("SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending')") == 0);
    }

    /**
     * Waits until every clock-driven chore (reminders, purges, digests, the mail log) has run a whole
     * round after this call, then until the mail they queued has gone: whatever the clock's present
     * makes happen has happened, so what did not is not coming.
     */
    public void awaitChores() {
        long seen = app.choreRounds();
        Wait.until("a whole round of every chore", () -> app.choreRounds() >= seen + 2);
        awaitOutboxSettled();
    }

    /** Waits until the trend watch has looked at the sign-ons afresh, then until the mail it queued has gone. */
    public void awaitTrendWatch() {
        long seen = app.trendWatchRounds();
        Wait.until("a whole round of the trend watch", () -> app.trendWatchRounds() >= seen + 2);
        awaitOutboxSettled();
    }

    public String url(String path) {
        return config.web().baseUrl() + path;
    }

    public void restart() {
        app.stop();
        app = new App(config, clock).start();
    }

    /** Every POST route's path as registered, placeholders included. */
    public List<String> postRoutes() {
        return app.routes(io.javalin.http.HandlerType.POST);
    }

    public Jdbi db() {
        return TestDatabase.jdbi(config.databaseUrl());
    }

    public long count(String sql) {
        return db().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Publishes a statement directly in the database; returns its path. */
    public String statement(String slug, String title, String body, String status) {
        long now = clock.millis();
        db().useHandle(h -> h.createUpdate("""
                        INSERT INTO petitions (kind, slug, title, summary, body, status, created_at, updated_at, closed_at)
                        VALUES ('statement', :slug, :title, '', :body, :status, :now, :now, :closedAt)""")
                .bind("slug", slug).bind("title", title).bind("body", body).bind("status", status)
                .bind("now", now).bind("closedAt", status.equals("closed") ? Long.valueOf(now) : null)
                .execute());
        return "/statements/" + slug;
    }

    /** Publishes a campaign with a goal directly in the database; returns its path. */
    public String campaign(String slug, String title, int goal) {
        long now = clock.millis();
        db().useHandle(h -> h.createUpdate("""
                        INSERT INTO petitions (kind, slug, title, summary, body, status, goal, created_at, updated_at)
                        VALUES ('campaign', :slug, :title, 'A campaign summary', 'Sign *now*.', 'open', :goal, :now, :now)""")
                .bind("slug", slug).bind("title", title).bind("goal", goal).bind("now", now).execute());
        return "/campaigns/" + slug;
    }

    public String statement(String slug) {
        return statement(slug, "Statement " + slug, "We, the undersigned, *agree*.", "open");
    }

    @Override
    public void close() {
        app.stop();
        TestDatabase.release(config.databaseUrl());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
