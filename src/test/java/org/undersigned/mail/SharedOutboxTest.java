package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.db.Database;
import org.undersigned.metrics.Metrics;
import org.undersigned.support.TestDatabase;
import org.undersigned.support.Wait;
import org.undersigned.text.Countries;
import org.undersigned.text.Messages;
import org.undersigned.text.Templates;

/**
 * Relays of several instances drain one outbox: a claim that lapses while its relay still sends does
 * not send a mail twice. On PostgreSQL alone: a relay starting on SQLite takes every claim for one
 * its own instance left when it stopped.
 */
@Tag("postgresql")
class SharedOutboxTest {
    private static final int MAILS = 30;
    private static final Duration LEASE = Duration.ofMillis(1500);
    @TempDir
    Path dir;

    @Test
    void a_batch_that_outlasts_its_claim_is_not_sent_again_by_the_instance_that_takes_over_its_lapsed_mails() {
        SlowTransport transport = new SlowTransport(Duration.ofMillis(100)); // 30 mails one after the other: 3 s, twice the lease
        ScheduledExecutorService mailLog = Executors.newSingleThreadScheduledExecutor();
        try (Database database = new Database(TestDatabase.url(dir.resolve("shared.db")))) {
            Outbox first = new Outbox(database, Clock.systemUTC(), LEASE);
            Outbox second = new Outbox(database, Clock.systemUTC(), LEASE);
            database.writer().run(h -> {
                for (int i = 0; i < MAILS; i++) first.enqueue(h, new Mail("signer-" + i + "@example.org", "Confirm", "text", "<p>html</p>", Map.of()));
            });
            // one lane (as during a spike) and no rest, so that the first relay claims them all at once and sends them slowly
            MailRelay one = new MailRelay(first, transport, composer(), Duration.ofSeconds(1), new Metrics(), () -> true, Duration.ZERO);
            MailRelay other = new MailRelay(second, transport, composer(), Duration.ofSeconds(1), new Metrics(), () -> true, Duration.ZERO);
            one.start();
            Wait.until("the first relay to claim every mail", () -> count(database, "status = 'queued'") == 0);
            other.start();
            // the mail-log chore, on whichever instance: claims that lapsed go back to the queue
            mailLog.scheduleWithFixedDelay(second::requeueLapsed, 100, 100, TimeUnit.MILLISECONDS);

            Wait.until("every mail sent", Duration.ofSeconds(30), () -> count(database, "status = 'sent'") == MAILS);
            one.close();
            other.close();
            assertThat(transport.sent).as("each mail handed to the mail server once").hasSize(MAILS).doesNotHaveDuplicates();
        } finally {
            mailLog.shutdownNow();
        }
    }

    private static long count(Database database, String where) {
        return database.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE " + where).mapTo(Long.class).one());
    }

    private static final class SlowTransport implements MailTransport {
        private final long millis;
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());

        SlowTransport(Duration each) {
            this.millis = each.toMillis();
        }

        @Override
        public void send(QueuedMail mail) {
            try {
                Thread.sleep(millis); // a slow mail server's answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.add(mail.recipient());
        }
    }

    private static MailComposer composer() {
        Messages messages = new Messages(Messages.BUNDLED);
        return new MailComposer(new Templates(messages, new Countries()), messages);
    }
}
