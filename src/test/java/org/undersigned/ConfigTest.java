package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @Test
    void defaults_give_a_laptop_setup_with_mail_written_to_files() {
        Config config = Config.parse(Map.of());
        assertThat(config.web().port()).isEqualTo(7070);
        assertThat(config.web().baseUrl()).isEqualTo("http://localhost:7070");
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:data/undersigned.db");
        assertThat(config.mail().smtp()).isNull();
        assertThat(config.mail().from()).isEqualTo("undersigned@localhost");
        assertThat(config.mail().dir()).isEqualTo(Path.of("data/mail"));
        assertThat(config.demoData()).isNull();
    }

    @Test
    void a_wrong_value_is_refused_with_one_line_naming_the_key() {
        assertThatThrownBy(() -> Config.parse(Map.of("PORT", "seventy"))).hasMessageStartingWith("PORT ").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Config.parse(Map.of("PORT", "70000"))).hasMessageStartingWith("PORT ");
        assertThatThrownBy(() -> Config.parse(Map.of("BASE_URL", "localhost"))).hasMessageStartingWith("BASE_URL ");
        assertThatThrownBy(() -> Config.parse(Map.of("SMTP_HOST", "mail", "SMTP_TRANSPORT", "carrier-pigeon")))
                .hasMessageStartingWith("SMTP_TRANSPORT ");
        assertThatThrownBy(() -> Config.parse(Map.of("SMTP_HOST", "mail", "SMTP_PORT", "-1"))).hasMessageStartingWith("SMTP_PORT ");
        assertThatThrownBy(() -> Config.parse(Map.of("DEMO_DATA", "maybe"))).hasMessageStartingWith("DEMO_DATA ");
        assertThatThrownBy(() -> Config.parse(Map.of("MAIL_FROM", "nobody"))).hasMessageStartingWith("MAIL_FROM ");
        assertThatThrownBy(() -> Config.parse(Map.of("DATABASE_URL", "jdbc:mysql://x"))).hasMessageStartingWith("DATABASE_URL ");
        assertThatThrownBy(() -> Config.parse(Map.of("METRICS_TOKEN", "short"))).hasMessageStartingWith("METRICS_TOKEN ");
        assertThatThrownBy(() -> Config.parse(Map.of("BACKUP_KEEP", "0"))).hasMessageStartingWith("BACKUP_KEEP ");
        assertThatThrownBy(() -> Config.parse(Map.of("RATE_LIMIT_PER_HOUR", "300", "RATE_LIMIT_CEILING", "100")))
                .hasMessageStartingWith("RATE_LIMIT_CEILING (100) must be at least RATE_LIMIT_PER_HOUR (300)");
        assertThat(Config.parse(Map.of("RATE_LIMIT_PER_HOUR", "300")).rateLimits().ceiling()).as("the ceiling follows a higher limit").isEqualTo(300);
        assertThat(Config.parse(Map.of()).rateLimits()).extracting("ceiling", "heldPerPetition").containsExactly(200, 2_000);
        assertThatThrownBy(() -> Config.parse(Map.of("ANONYMISE_AFTER_DAYS", "soon"))).hasMessageStartingWith("ANONYMISE_AFTER_DAYS ");
        assertThatThrownBy(() -> Config.parse(Map.of("ANONYMISE_AFTER_DAYS", "14"))).as("the mail log's default 30 days is longer")
                .hasMessageStartingWith("MAIL_LOG_DAYS (30) must not exceed ANONYMISE_AFTER_DAYS (14)");
        assertThat(Config.parse(Map.of("ANONYMISE_AFTER_DAYS", "14", "MAIL_LOG_DAYS", "14")).mail().logKept()).hasDays(14);
    }

    @Test
    void the_builder_starts_from_the_defaults_and_keeps_every_setting_it_is_given() {
        assertThat(Config.builder().build()).isEqualTo(Config.parse(Map.of()));
        // every value distinct, so that two settings swapped on the way through the builder would show
        Config everything = Config.parse(Map.ofEntries(Map.entry("PORT", "8081"), Map.entry("BASE_URL", "https://sign.example.org"),
                Map.entry("TRUSTED_PROXIES", "10.0.0.0/8"), Map.entry("CONNECTIONS_PER_CLIENT", "20"), Map.entry("DATABASE_URL", "jdbc:sqlite:/srv/u.db"), Map.entry("DEMO_DATA", "yes"),
                Map.entry("SMTP_HOST", "smtp.example.org"), Map.entry("MAIL_FROM", "sign@example.org"), Map.entry("MAIL_FROM_NAME", "Migrant Rights Network"), Map.entry("MAIL_DIR", "/srv/mail"),
                Map.entry("MAIL_RETRY_BASE_SECONDS", "11"), Map.entry("MAIL_LOG_DAYS", "12"), Map.entry("CONFIRM_LINK_DAYS", "13"),
                Map.entry("REMINDER_AFTER_HOURS", "14"), Map.entry("PENDING_PURGE_DAYS", "15"), Map.entry("ANONYMISE_AFTER_DAYS", "16"),
                Map.entry("RATE_LIMIT_PER_MINUTE", "17"), Map.entry("HOUSEKEEPING_SECONDS", "18"), Map.entry("MAIL_CLAIM_SECONDS", "19"), Map.entry("ADMIN_EMAIL", "a@example.org"),
                Map.entry("ADMIN_PASSWORD", "secret"), Map.entry("METRICS_TOKEN", "a-token-of-sixteen"), Map.entry("BACKUP_DIR", "/srv/backups")));
        assertThat(everything.toBuilder().build()).isEqualTo(everything);
        assertThat(everything.web().connectionsPerClient()).isEqualTo(20);
        assertThat(Config.parse(Map.of()).web().connectionsPerClient()).isEqualTo(100);
        assertThatThrownBy(() -> Config.parse(Map.of("CONNECTIONS_PER_CLIENT", "2"))).isInstanceOf(ConfigException.class)
                .hasMessage("CONNECTIONS_PER_CLIENT must be between 4 and 100000, was 2");
        assertThat(everything.toBuilder().mailDir(Path.of("/elsewhere")).build().mail())
                .isEqualTo(new Config.Mail(everything.mail().smtp(), "sign@example.org", Path.of("/elsewhere"),
                        java.time.Duration.ofSeconds(11), java.time.Duration.ofDays(12), java.time.Duration.ofSeconds(19), "Migrant Rights Network"));
        Config server = Config.parse(Map.of("DATABASE_URL", "jdbc:postgresql://db.example.org/undersigned", "DATABASE_USER", "signer",
                "DATABASE_PASSWORD", "a database password"));
        assertThat(server.toBuilder().build()).isEqualTo(server);
        assertThat(server.storage()).isEqualTo(new Config.Storage("jdbc:postgresql://db.example.org/undersigned", "signer", "a database password"));
        assertThat(server.storage().toString()).as("the password stays out of logs").doesNotContain("a database password");
    }

    @Test
    void an_unreachable_postgresql_server_stops_the_start_with_one_line_naming_the_key() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Config config = Config.builder().port(0).databaseUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/undersigned").build();
        assertThatThrownBy(() -> new App(config).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL cannot connect: Connection to 127.0.0.1:" + closedPort + " refused")
                .hasMessageNotContaining("\n");
    }

    @Test
    void backup_on_postgresql_names_pg_dump_writes_nothing_and_exits_1(@TempDir Path dir) {
        Config postgresql = Config.parse(Map.of("DATABASE_URL", "jdbc:postgresql://db.example.org/undersigned"));
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = Backup.run(postgresql, new String[] {"backup", dir.resolve("copy.db").toString()}, new java.io.PrintStream(out),
                new java.io.PrintStream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("Not written: this database is PostgreSQL").contains("pg_dump --format=custom");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("copy.db")).doesNotExist();
    }

    @Test
    void a_database_url_is_sqlite_or_postgresql_and_postgresql_has_no_scheduled_file_backups() {
        assertThatThrownBy(() -> Config.parse(Map.of("DATABASE_URL", "jdbc:mysql://db/undersigned")))
                .hasMessage("DATABASE_URL must start with jdbc:sqlite: (a file) or jdbc:postgresql:// (a server)");
        assertThatThrownBy(() -> Config.parse(Map.of("DATABASE_URL", "jdbc:postgresql://db/undersigned", "BACKUP_DIR", "/srv/backups")))
                .hasMessage("BACKUP_DIR scheduled backups copy a SQLite file; back PostgreSQL up with pg_dump or its host's backups");
    }

    @Test
    void passwords_are_hashed_at_cost_12_unless_told_and_never_below_10() {
        assertThat(Config.parse(Map.of()).passwordHashCost()).isEqualTo(12);
        assertThat(Config.parse(Map.of("PASSWORD_HASH_COST", "14")).passwordHashCost()).isEqualTo(14);
        assertThatThrownBy(() -> Config.parse(Map.of("PASSWORD_HASH_COST", "4")))
                .hasMessage("PASSWORD_HASH_COST must be between 10 and 18, was 4");
        assertThatThrownBy(() -> Config.parse(Map.of("PASSWORD_HASH_COST", "19"))).hasMessageStartingWith("PASSWORD_HASH_COST ");
    }

    @Test
    void backups_are_off_until_a_folder_is_named() {
        assertThat(Config.parse(Map.of()).operations().backupDir()).isNull();
        Config.Operations ops = Config.parse(Map.of("BACKUP_DIR", "/var/backups/undersigned", "BACKUP_INTERVAL_HOURS", "6",
                "BACKUP_KEEP", "28")).operations();
        assertThat(ops).isEqualTo(new Config.Operations(null, Path.of("/var/backups/undersigned"), java.time.Duration.ofHours(6), 28));
    }

    @Test
    void smtp_settings_take_the_transport_port_by_default() {
        Config config = Config.parse(Map.of("SMTP_HOST", "smtp.example.org", "SMTP_TRANSPORT", "smtps", "SMTP_USERNAME", "u"));
        assertThat(config.mail().smtp()).isEqualTo(new Config.Smtp("smtp.example.org", 465, "u", null, Config.Transport.SMTPS));
    }

    @Test
    void the_properties_file_is_read_and_the_environment_wins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("undersigned.properties");
        Files.writeString(file, "smtp.host=from-file\nport=8080\nbase.url=https://sign.example.org\n");
        Config config = Config.parse(Main.settings(file, Map.of("PORT", "9090")));
        assertThat(config.mail().smtp().host()).isEqualTo("from-file");
        assertThat(config.web().port()).isEqualTo(9090);
        assertThat(config.web().httpsOnly()).isTrue();
    }
}
