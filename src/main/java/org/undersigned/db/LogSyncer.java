package org.undersigned.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the writer's commits durable on a thread of its own, so that the writer goes on with the
 * next group of work while the disk syncs the last one.
 *
 * <p>The writer's connection commits with {@code synchronous=NORMAL}: SQLite writes the group's
 * pages to the write-ahead log and returns without an fsync. The writer then hands the commit in
 * here with its acknowledgement (its callers' answers); this thread fsyncs the log once for every
 * commit handed in meanwhile, as {@code synchronous=FULL} does inside each commit, and only then
 * acknowledges them, in the order they committed. A caller is told "done" only once its commit is
 * on disk, as before; what changed is that the writer no longer waits for the disk.
 *
 * <p>Other connections see a commit as soon as it is made, a moment before it is on disk: a power
 * cut in that moment loses a commit that nobody was told had succeeded, though a page may have
 * shown it.
 */
final class LogSyncer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogSyncer.class);

    /** What a commit handed in is told: on disk, or not known to be. */
    interface Acknowledgement {
        void durable();

        void failed(RuntimeException why);
    }

    /** How the log is made durable. */
    interface Sync {
        void sync() throws IOException;
    }

    private final Sync sync;
    private final BlockingQueue<Acknowledgement> committed = new LinkedBlockingQueue<>();
    private final Acknowledgement stop = new Acknowledgement() {
        @Override
        public void durable() {}

        @Override
        public void failed(RuntimeException why) {}
    };
    private final LongAdder syncs = new LongAdder();
    private final Thread thread;

    LogSyncer(Sync sync) {
        this.sync = sync;
        this.thread = new Thread(this::loop, "db-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * fsync of the log file SQLite writes beside the database (its name plus {@code -wal}), and of
     * its folder whenever the file is new to it: SQLite syncs the folder after creating the log,
     * and so must whoever takes its syncs over. A database in memory has no log: nothing to sync.
     */
    static Sync ofLog(String databaseFile) {
        if (databaseFile == null || databaseFile.isEmpty()) return () -> {};
        Path logFile = Path.of(databaseFile + "-wal").toAbsolutePath();
        return new Sync() {
            private Object syncedFile;

            @Override
            public void sync() throws IOException {
                try (FileChannel channel = FileChannel.open(logFile, StandardOpenOption.WRITE)) {
                    channel.force(false);
                }
                Object file = Files.readAttributes(logFile, BasicFileAttributes.class).fileKey();
                if (file == null || !Objects.equals(file, syncedFile)) {
                    try (FileChannel folder = FileChannel.open(logFile.getParent(), StandardOpenOption.READ)) {
                        folder.force(true);
                    }
                    syncedFile = file;
                }
            }
        };
    }

    /** The writer committed: acknowledge once that commit is on disk. */
    void committed(Acknowledgement acknowledgement) {
        committed.add(acknowledgement);
    }

    /** Whether this is the thread that acknowledges commits (it must never wait for a write). */
    boolean isAcknowledging() {
        return Thread.currentThread() == thread;
    }

    /** fsyncs so far: one for each run of commits that came in while the last one was on its way to disk. */
    long syncs() {
        return syncs.sum();
    }

    private void loop() {
        List<Acknowledgement> ready = new ArrayList<>();
        while (true) {
            try {
                ready.add(committed.take());
            } catch (InterruptedException e) {
                return;
            }
            committed.drainTo(ready);
            boolean stopping = ready.remove(stop);
            if (!ready.isEmpty()) syncAndAcknowledge(ready);
            ready.clear();
            if (stopping) return;
        }
    }

    private void syncAndAcknowledge(List<Acknowledgement> ready) {
        try {
            sync.sync();
            syncs.increment();
        } catch (IOException | RuntimeException e) {
            log.error("The database's log could not be synced to disk; {} commit(s) are not known to be durable", ready.size(), e);
            IllegalStateException why = new IllegalStateException("the write was made but could not be synced to disk", e);
            for (Acknowledgement acknowledgement : ready) acknowledgement.failed(why);
            return;
        }
        for (Acknowledgement acknowledgement : ready) acknowledgement.durable();
    }

    /** Syncs and acknowledges what has been handed in, then stops. */
    @Override
    public void close() {
        committed.add(stop);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
