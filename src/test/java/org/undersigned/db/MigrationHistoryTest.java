package org.undersigned.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.TestDatabase;

/**
 * A SQLite database made before the migrations were split into common, sqlite and postgresql
 * folders (all of them in one folder, applied up to V024) opens with this build as it is: the
 * files kept their names and contents, so Flyway finds the same history, and applies what is new.
 */
@Tag("sqlite")
class MigrationHistoryTest {
    private static final List<String> BEFORE_THE_SPLIT = List.of(
            "common/V002__campaigns_reminders_unsubscribe.sql", "common/V004__publishing_and_moderation.sql", "common/V005__digest.sql",
            "common/V006__signature_list_index.sql", "common/V007__suspect_sign_ons.sql", "common/V009__retention.sql",
            "common/V020__petition_translations.sql", "common/V022__anonymised_closings.sql", "common/V023__outbox_drafts.sql",
            "sqlite/V001__init.sql", "sqlite/V003__coordinators.sql", "sqlite/V008__alerts.sql", "sqlite/V010__public_version.sql",
            "sqlite/V021__public_version_translations.sql", "sqlite/V024__signature_state.sql");

    @TempDir
    Path dir;

    @Test
    void a_database_migrated_from_the_single_folder_opens_and_gets_what_is_new() throws IOException {
        Path oneFolder = Files.createDirectories(dir.resolve("db/migration"));
        for (String file : BEFORE_THE_SPLIT) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + file)) {
                Files.copy(in, oneFolder.resolve(Path.of(file).getFileName()));
            }
        }
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + oneFolder).load().migrate();
        TestDatabase.jdbi(url).useHandle(h -> h.execute("""
                INSERT INTO petitions (kind, slug, title, body, status, created_at, updated_at)
                VALUES ('statement', 'kept', 'Kept', 'Text', 'open', 1, 1)"""));

        try (Database database = new Database(url)) {
            assertThat(database.createdNow()).as("an existing database is not new: no demo content").isFalse();
            String title = database.reads().withHandle(h -> h.createQuery("SELECT title FROM petitions").mapTo(String.class).one());
            assertThat(title).isEqualTo("Kept");
            String version = database.reads().withHandle(h -> h.createQuery(
                    "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1").mapTo(String.class).one());
            assertThat(version).isEqualTo("049");
        }
    }
}
