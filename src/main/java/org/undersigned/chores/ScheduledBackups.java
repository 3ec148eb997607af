package org.undersigned.chores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.undersigned.Config;
import org.undersigned.db.Database;
import org.undersigned.db.Snapshot;

/**
 * BACKUP_DIR set: every BACKUP_INTERVAL_HOURS a consistent copy goes into that folder as
 * undersigned-YYYYMMDD-HHMMSS-mmm.db (UTC), and only the newest BACKUP_KEEP are kept. A copy is
 * written under a temporary name and renamed when complete, so a crash never leaves a half
 * file that looks like a backup.
 */
public final class ScheduledBackups implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final String PREFIX = "undersigned-";
    private final Database database;
    private final Config.Operations settings;
    private final Clock clock;
    private Periodic rounds;

    public ScheduledBackups(Database database, Config.Operations settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    public void start(Chores chores) {
        try {
            Files.createDirectories(settings.backupDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create BACKUP_DIR " + settings.backupDir(), e);
        }
        rounds = chores.every("backups", settings.backupInterval(), this::takeOne);
        log.info("Backups every {} into {}, keeping {}", settings.backupInterval(), settings.backupDir(), settings.backupKeep());
    }

    /** Writes one backup and prunes the oldest beyond the number kept; returns the new file. */
    public Path takeOne() {
        Path target = settings.backupDir().resolve(PREFIX + NAME.format(clock.instant()) + ".db");
        Path partial = settings.backupDir().resolve(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            database.reads().useHandle(h -> {
                try {
                    Snapshot.write(h.getConnection(), partial);
                } catch (SQLException e) {
                    throw new IllegalStateException("backup failed: " + e.getMessage(), e);
                }
            });
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException e) {
            throw new UncheckedIOException("backup into " + settings.backupDir() + " failed", e);
        }
        log.info("Backup written to {}", target);
        return target;
    }

    private void prune() throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(settings.backupDir())) {
            backups = files.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d{8}-\\d{6}-\\d{3}\\.db"))
                    .sorted().toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - settings.backupKeep()))) {
            Files.delete(old);
            log.info("Old backup removed: {}", old.getFileName());
        }
    }

    @Override
    public void close() {
        if (rounds != null) rounds.close();
    }
}
