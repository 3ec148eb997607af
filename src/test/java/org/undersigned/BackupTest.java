package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

@Tag("sqlite")
class BackupTest extends AppTest {

    @Test
    void a_backup_taken_while_sign_ons_stream_in_restores_to_a_working_site() throws Exception {
        String statement = app.statement("backed-up", "Backed up", "Text", "open");
        for (int i = 0; i < 3; i++) {
            SignOnForm.sign(app.browser, statement, "Kept Org " + i, "BE", "kept" + i + "@example.org");
            confirm(mailbox.nth("kept" + i + "@example.org", 1));
        }
        Page served = app.browser.get(statement);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int n = i;
            writes.add(pool.submit(() -> SignOnForm.filled(served, "Load " + n, "FR", "load" + n + "@example.org").submit().status()));
        }
        Path file = dir.resolve("backup.db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Backup.run(app.config, new String[] {"backup", file.toString()}, new PrintStream(out), System.err);
        for (Future<Integer> w : writes) assertThat(w.get()).isEqualTo(200);
        pool.shutdown();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Backup written to");

        Config restored = app.config.toBuilder().databaseUrl("jdbc:sqlite:" + file).smtp(null).mailDir(dir.resolve("restored-mail"))
                .firstAdmin(null, null).build();
        app.close();
        try (TestApp copy = TestApp.start(restored)) {
            assertThat(copy.browser.get(statement).document().select("#signatories li").eachText())
                    .containsExactly("Kept Org 0", "Kept Org 1", "Kept Org 2");
            String integrity = copy.db().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
            assertThat(integrity).isEqualTo("ok");
            long load = copy.count("SELECT COUNT(*) FROM signatures WHERE organisation LIKE 'Load %'");
            assertThat(load).isBetween(0L, 80L);
            assertThat(copy.count("SELECT COUNT(*) FROM outbox WHERE recipient LIKE 'load%'")).as("each stored sign-on has its mail").isEqualTo(load);
        }
    }

    @Test
    void an_existing_file_is_never_overwritten() {
        Path file = dir.resolve("test.db"); // the live database itself
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Backup.run(app.config, new String[] {"backup", file.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void scheduled_backups_land_in_the_folder_and_only_the_newest_are_kept() throws Exception {
        app.close();
        Path folder = dir.resolve("backups");
        app = TestApp.start(TestApp.config(dir, null).toBuilder()
                .operations(new Config.Operations(null, folder, java.time.Duration.ofMillis(300), 2)).build());
        app.statement("scheduled", "Scheduled", "Text", "open");
        Path first = null;
        List<Path> backups = List.of();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            try (var files = java.nio.file.Files.list(folder)) {
                backups = files.filter(p -> p.toString().endsWith(".db")).sorted().toList();
            }
            if (first == null && !backups.isEmpty()) first = backups.get(0);
            if (first != null && backups.size() == 2 && !backups.contains(first)) break;
        }
        assertThat(backups).as("two kept, the first one rotated out").hasSize(2).doesNotContain(first)
                .allMatch(p -> p.getFileName().toString().matches("undersigned-\\d{8}-\\d{6}-\\d{3}\\.db"));
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + backups.get(1));
             var query = connection.createStatement().executeQuery("SELECT COUNT(*) FROM petitions WHERE slug = 'scheduled'")) {
            assertThat(query.getInt(1)).as("the copy holds the petition created before it").isEqualTo(1);
        }
    }
}
