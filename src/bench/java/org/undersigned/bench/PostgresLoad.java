package org.undersigned.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.stream.Stream;
import org.undersigned.support.PostgresCluster;

/**
 * What PostgreSQL has spent so far: its processes' processor time (from /proc), the WAL it wrote
 * (exact, from its position) and the WAL flushes it made (pg_stat_wal: each backend reports at most
 * once a second, so a phase's count is short by up to a second's worth).
 */
record PostgresLoad(double cpuSeconds, long walBytes, long walFlushes) {
    static PostgresLoad of(PostgresCluster cluster) throws Exception {
        double cpu = cpuSeconds(cluster.postmasterPid());
        try (Connection db = DriverManager.getConnection(cluster.url("postgres"));
             ResultSet row = db.createStatement().executeQuery(
                     "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn, (SELECT wal_sync FROM pg_stat_wal)")) {
            row.next();
            return new PostgresLoad(cpu, row.getLong(1), row.getLong(2));
        }
    }

    PostgresLoad since(PostgresLoad before) {
        return new PostgresLoad(cpuSeconds - before.cpuSeconds, walBytes - before.walBytes, walFlushes - before.walFlushes);
    }

    /** User and system time of the postmaster and its children (backends, WAL writer, checkpointer...). */
    private static double cpuSeconds(long postmaster) throws IOException {
        double seconds = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != postmaster && Long.parseLong(fields[1]) != postmaster) continue;
                seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            }
        }
        return seconds;
    }
}
