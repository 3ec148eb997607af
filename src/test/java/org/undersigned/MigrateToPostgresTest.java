package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.db.Database;
import org.undersigned.support.Browser;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.SupporterForm;
import org.undersigned.support.TestApp;
import org.undersigned.support.TestDatabase;

/**
 * A site that ran on SQLite, copied into PostgreSQL with migrate-to-postgres, then served from
 * PostgreSQL: the same organisations and counts, the same logins, and new sign-ons after the
 * copied ones. Runs in the PostgreSQL pass only, since it needs a PostgreSQL target; its source is
 * a SQLite file of its own in either pass.
 */
@Tag("postgresql")
class MigrateToPostgresTest {
    private static final String COORDINATOR = "coord@undersigned.test";
    private static final String COORDINATOR_PASSWORD = "a coordinator passphrase 2026";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    Path dir;
    private String target;

    @AfterEach
    void dropTarget() {
        if (target != null) TestDatabase.release(target);
    }

    @Test
    void a_site_copied_from_sqlite_serves_the_same_signatures_and_logins_from_postgresql() {
        Config sqlite = sqliteSite(new Config.Smtp("localhost", greenMail.getSmtp().getPort(), null, null, Config.Transport.PLAIN));
        Mailbox mailbox = new Mailbox(greenMail);
        List<String> listed;
        String countLine;
        try (TestApp site = TestApp.start(sqlite)) {
            String joint = site.statement("joint", "Joint statement", "We, the undersigned, *agree*.", "open");
            for (String org : List.of("Alpha Org", "Beta Org", "Gamma Org", "Leaving Org")) {
                signAndConfirm(site, mailbox, joint, org, org.toLowerCase().replace(' ', '.') + "@example.org");
            }
            SignOnForm.filled(site.browser.get(joint), "Pending Org", "FR", "pending@example.org").tick("updates").submit();
            SignOnForm.filled(site.browser.get(joint), "Bot Org", "BE", "bot@example.org").set("contact_phone", "+32 555").submit();
            String manage = mailbox.nth("leaving.org@example.org", 2).linkTo("/manage/");
            assertThat(site.browser.get(manage).form("form[action$=/withdraw]").submit().status()).isEqualTo(200);

            site.statement("vetted", "Vetted statement", "Text", "open");
            site.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'vetted'"));
            signAndConfirm(site, mailbox, "/statements/vetted", "Approved Org", "approved@example.org");
            signAndConfirm(site, mailbox, "/statements/vetted", "Awaiting Org", "awaiting@example.org");
            String campaign = site.campaign("rush", "Rush hour", 100);
            SupporterForm.filled(site.browser.get(campaign), "Ada", "BE", "ada@example.org").tick("updates").submit();
            confirm(site, mailbox.nth("ada@example.org", 1));

            Browser admin = site.admin();
            Page queue = admin.get("/admin/statements/vetted?status=awaiting");
            String approvedId = site.db().withHandle(h -> h.createQuery("SELECT id FROM signatures WHERE organisation = 'Approved Org'")
                    .mapTo(String.class).one());
            assertThat(queue.form("form#moderation").set("ids", approvedId).set("decision", "approve").submit().status()).isEqualTo(303);
            Page french = admin.follow(admin.get("/admin/statements/joint/translations?language=fr"));
            assertThat(french.form("form.petition-form").set("title", "Déclaration commune").set("body", "Nous *sommes d'accord*.").submit().status())
                    .isEqualTo(303);
            long coordinator = site.coordinator(COORDINATOR, COORDINATOR_PASSWORD);
            site.assign("joint", coordinator);
            assertThat(site.browser.get("/admin/login").form("form[action=/admin/login]").set("email", TestApp.ADMIN_EMAIL).set("password", "wrong guess")
                    .submit().status()).as("a failed login, remembered for throttling").isNotEqualTo(303);
            site.loggedIn(COORDINATOR, COORDINATOR_PASSWORD);
            site.awaitOutboxSettled();

            Page page = site.browser.get(joint);
            listed = page.document().select("#signatories li").eachText();
            countLine = page.document().select("#count").text();
            assertThat(listed).containsExactlyInAnyOrder("Alpha Org", "Beta Org", "Gamma Org");
            assertThat(site.count("SELECT COUNT(*) FROM signatures WHERE state = 'suspect'")).isEqualTo(1);
            assertThat(site.count("SELECT COUNT(*) FROM signatures WHERE state = 'pending'")).isEqualTo(1);
            assertThat(site.count("SELECT COUNT(*) FROM signatures WHERE state = 'withdrawn'")).isEqualTo(1);
            assertThat(site.count("SELECT COUNT(*) FROM signatures WHERE moderation = 'approved'")).isEqualTo(1);
            assertThat(site.count("SELECT COUNT(*) FROM signatures WHERE state = 'awaiting'")).isEqualTo(1);
            for (String table : List.of("sessions", "audit_log", "petition_translations", "login_attempts", "outbox", "petition_coordinators")) {
                assertThat(site.count("SELECT COUNT(*) FROM " + table)).as(table).isPositive();
            }
        } // the server stops before the copy, as the usage asks
        Map<String, Long> sourceCounts = counts(TestDatabase.jdbi(sqlite.databaseUrl()));
        List<Map<String, Object>> sourceVersions = publicVersions(TestDatabase.jdbi(sqlite.databaseUrl()));
        assertThat(sourceVersions).as("the triggers have moved them").anyMatch(p -> ((Number) p.get("public_version")).intValue() > 1);

        target = TestDatabase.url(dir.resolve("unused.db"));
        Run run = run(sqlite, target);
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("All " + sourceCounts.size() + " tables match");
        sourceCounts.forEach((table, rows) -> assertThat(run.out).as(table).containsPattern("(?m)^" + table + " +" + rows + " +" + rows + " +[0-9a-f]{16}  same$"));
        assertThat(run.err).isEmpty();
        Jdbi postgres = TestDatabase.jdbi(target);
        assertThat(counts(postgres)).isEqualTo(sourceCounts);
        assertThat(publicVersions(postgres)).as("public_version as in the source, not bumped again by the copy").isEqualTo(sourceVersions);

        Run again = run(sqlite, target);
        assertThat(again.code).isEqualTo(1);
        assertThat(again.err).contains("Not copied: the target database is not empty: ").contains("signatures");
        assertThat(again.out).isEmpty();
        assertThat(counts(postgres)).as("nothing written").isEqualTo(sourceCounts);

        try (TestApp served = TestApp.start(sqlite.toBuilder().databaseUrl(target).build())) {
            Page page = served.browser.get("/statements/joint");
            assertThat(page.document().select("#signatories li").eachText()).isEqualTo(listed);
            assertThat(page.document().select("#count").text()).isEqualTo(countLine).isNotEmpty();
            assertThat(served.browser.get("/statements/joint?lang=fr").h1()).isEqualTo("Déclaration commune");
            assertThat(served.browser.get("/statements/vetted").document().select("#signatories li").eachText()).containsExactly("Approved Org");
            assertThat(served.loggedIn(COORDINATOR, COORDINATOR_PASSWORD).get("/admin").status()).isEqualTo(200);

            long before = served.count("SELECT MAX(id) FROM signatures");
            signAndConfirm(served, mailbox, "/statements/joint", "Newcomer Org", "newcomer@example.org");
            assertThat(served.count("SELECT id FROM signatures WHERE organisation = 'Newcomer Org'")).as("a new id, after the copied ones").isGreaterThan(before);
            assertThat(served.browser.get("/statements/joint").document().select("#signatories li").eachText())
                    .containsExactlyInAnyOrder("Alpha Org", "Beta Org", "Gamma Org", "Newcomer Org");
            target = null; // the served site drops it
        }
    }

    @Test
    void a_target_that_is_not_postgresql_is_refused_before_anything_is_opened() {
        Config sqlite = sqliteSite(null);
        new Database(sqlite.databaseUrl()).close();
        for (String wrong : List.of("jdbc:sqlite:" + dir.resolve("other.db"), "jdbc:mysql://localhost/undersigned", "postgres://localhost/undersigned")) {
            Run run = run(sqlite, wrong);
            assertThat(run.code).as(wrong).isEqualTo(2);
            assertThat(run.err).as(wrong).startsWith("Not copied: the database to copy into must be PostgreSQL (jdbc:postgresql://HOST:PORT/DATABASE)");
        }
        assertThat(dir.resolve("other.db")).doesNotExist();
        Run none = run(sqlite, null);
        assertThat(none.code).isEqualTo(2);
        assertThat(none.err).contains("migrate-to-postgres needs the database to copy into");
    }

    @Test
    void a_source_that_is_not_a_sqlite_file_is_refused() {
        target = TestDatabase.url(dir.resolve("unused.db"));
        Run fromPostgres = run(sqliteSite(null).toBuilder().databaseUrl(target).build(), target);
        assertThat(fromPostgres.code).isEqualTo(1);
        assertThat(fromPostgres.err).startsWith("Not copied: DATABASE_URL names the database to copy from, which must be SQLite (jdbc:sqlite:FILE)");
        Run missing = run(sqliteSite(null).toBuilder().databaseUrl("jdbc:sqlite:" + dir.resolve("typo.db")).build(), target);
        assertThat(missing.code).isEqualTo(1);
        assertThat(missing.err).contains("typo.db, which does not exist.");
        assertThat(dir.resolve("typo.db")).as("not created by the attempt").doesNotExist();
    }

    @Test
    void a_source_at_another_schema_version_is_refused_and_nothing_is_copied() {
        Config sqlite = sqliteSite(null);
        new Database(sqlite.databaseUrl()).close();
        TestDatabase.jdbi(sqlite.databaseUrl()).useHandle(h -> h.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                SELECT MAX(installed_rank) + 1, '999', 'from a newer version', 'SQL', 'V999__newer.sql', 0, 'test', 1, 1 FROM flyway_schema_history"""));
        target = TestDatabase.url(dir.resolve("unused.db"));
        Run run = run(sqlite, target);
        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).containsPattern("^Not copied: the source is at schema version 999 and the target at \\d+;");
        assertThat(counts(TestDatabase.jdbi(target)).values()).containsOnly(0L);
    }

    @Test
    void a_copy_whose_rows_differ_from_the_source_is_not_kept() {
        Config sqlite = sqliteSite(null);
        new Database(sqlite.databaseUrl()).close();
        // PostgreSQL pads a CHAR(2) with a space, SQLite keeps 'B' as it is: the checksums tell
        withOneSignature(sqlite, "country", "'B'");
        target = TestDatabase.url(dir.resolve("unused.db"));
        Run run = run(sqlite, target);
        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).containsPattern("(?m)^signatures +1 +1 +[0-9a-f]{16} / [0-9a-f]{16}  DIFFERS$")
                .containsPattern("(?m)^petitions +1 +1 +[0-9a-f]{16}  same$");
        assertThat(run.err).isEqualTo("Not copied: the table signatures differs between the two databases. Nothing was kept: the target is as empty as it was.\n");
        assertThat(counts(TestDatabase.jdbi(target)).values()).containsOnly(0L);
    }

    @Test
    void a_value_that_postgresql_would_have_to_guess_at_stops_the_copy_naming_its_row() {
        Config sqlite = sqliteSite(null);
        new Database(sqlite.databaseUrl()).close();
        withOneSignature(sqlite, "updates", "2");
        target = TestDatabase.url(dir.resolve("unused.db"));
        Run run = run(sqlite, target);
        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).isEqualTo("Not copied: the row of signatures where id = 1 holds '2' (Integer) in updates, where PostgreSQL takes a boolean (0 or 1).\n");
        assertThat(counts(TestDatabase.jdbi(target)).values()).containsOnly(0L);
    }

    /** A statement with one confirmed signature, one of its columns set to what SQLite keeps and PostgreSQL would not. */
    private static void withOneSignature(Config sqlite, String column, String value) {
        TestDatabase.jdbi(sqlite.databaseUrl()).useHandle(h -> {
            h.execute("INSERT INTO petitions (kind, slug, title, body, status, created_at, updated_at) VALUES ('statement', 's', 'S', 'B', 'open', 0, 0)");
            h.execute("INSERT INTO consent_texts (hash, locale, text, created_at) VALUES ('c', 'en', 'I agree', 0)");
            h.execute("INSERT INTO signatures (petition_id, status, email, email_key, organisation, country, locale, consent_hash, created_at) "
                    + "VALUES (1, 'confirmed', 'a@example.org', 'a@example.org', 'Org', 'BE', 'en', 'c', 0)");
            h.execute("UPDATE signatures SET " + column + " = " + value);
        });
    }

    private record Run(int code, String out, String err) {}

    /** The test site's settings on a SQLite file of its own, whichever pass this is. */
    private Config sqliteSite(Config.Smtp smtp) {
        Config config = TestApp.config(dir, smtp);
        TestDatabase.release(config.databaseUrl()); // the PostgreSQL pass made one
        return config.toBuilder().databaseUrl("jdbc:sqlite:" + dir.resolve("source.db")).build();
    }

    private static Run run(Config config, String targetUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = targetUrl == null ? new String[] {"migrate-to-postgres"} : new String[] {"migrate-to-postgres", targetUrl};
        int code = MigrateToPostgres.run(config, args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void signAndConfirm(TestApp site, Mailbox mailbox, String path, String organisation, String email) {
        assertThat(SignOnForm.sign(site.browser, path, organisation, "BE", email).status()).isEqualTo(200);
        assertThat(confirm(site, mailbox.nth(email, 1)).status()).isEqualTo(200);
    }

    private static Page confirm(TestApp site, org.undersigned.support.ReceivedMail mail) {
        return site.browser.get(mail.linkTo("/confirm/")).form("form[action^=/confirm/]").submit();
    }

    /** Rows in each application table (the same list on both databases). */
    private static Map<String, Long> counts(Jdbi jdbi) {
        List<String> tables = List.of("settings", "petitions", "consent_texts", "signatures", "signature_tokens", "outbox", "coordinators",
                "sessions", "login_attempts", "invitations", "petition_coordinators", "audit_log", "petition_versions", "alerts",
                "petition_translations", "chore_turns", "sign_on_repeats", "dropped_sign_ons", "api_tokens", "imports",
                "webhook_endpoints", "webhook_subscriptions", "webhook_deliveries", "webhook_petition_states", "petition_questions",
                "petition_question_texts", "signature_answers", "tags", "signature_tags", "distinct_signatures", "password_resets",
                "recovery_codes", "signature_logos", "members", "member_reminders");
        Map<String, Long> counts = new TreeMap<>();
        jdbi.useHandle(h -> tables.forEach(t -> counts.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one())));
        return counts;
    }

    private static List<Map<String, Object>> publicVersions(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT slug, public_version FROM petitions ORDER BY slug").mapToMap().list()).stream()
                .map(row -> Map.<String, Object>of("slug", row.get("slug"), "public_version", ((Number) row.get("public_version")).longValue()))
                .toList();
    }
}
