package org.undersigned.mail;

import org.undersigned.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Wait;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.db.Database;
import org.undersigned.metrics.Metrics;
import org.undersigned.text.Countries;
import org.undersigned.text.Messages;
import org.undersigned.text.Templates;

/**
 * The relay sends over several connections, and over one while sign-ons queue for the writer,
 * resting after each batch until they stop queueing; each recipient's mail stays in order.
 */
class RelayLanesTest {
    @TempDir
    Path dir;

    @Test
    void a_saturated_writer_makes_the_relay_send_one_mail_at_a_time_and_all_mail_still_goes() {
        AtomicBoolean saturated = new AtomicBoolean(false);
        CountingTransport transport = new CountingTransport();
        try (Database database = new Database(TestDatabase.url(dir.resolve("lanes.db")))) {
            Outbox outbox = new Outbox(database, Clock.systemUTC());
            MailRelay relay = new MailRelay(outbox, transport, composer(), Duration.ofSeconds(1), new Metrics(), saturated::get, MailRelay.SPIKE_PAUSE);

            relay.start();
            queue(database, outbox, "calm", 24);
            awaitSent(transport, 48);
            assertThat(transport.mostAtOnce.get()).as("calm: several connections").isGreaterThan(1).isLessThanOrEqualTo(MailRelay.CONNECTIONS);

            saturated.set(true);
            transport.mostAtOnce.set(0);
            queue(database, outbox, "spike", 24);
            awaitSent(transport, 96);
            assertThat(transport.mostAtOnce.get()).as("during a spike: one connection").isEqualTo(1);

            assertThat(transport.sent).hasSize(96);
            for (String who : List.of("calm-0@example.org", "spike-5@example.org")) {
                assertThat(transport.sent.stream().filter(m -> m.startsWith(who)).toList())
                        .as("one recipient's mails in the order they were queued")
                        .containsExactly(who + " first", who + " second");
            }
            relay.close();
        }
    }

    @Test
    void during_a_spike_the_relay_sends_a_batch_then_rests_and_goes_on_as_soon_as_the_spike_is_over() {
        AtomicBoolean saturated = new AtomicBoolean(true);
        CountingTransport transport = new CountingTransport();
        // what the relay is told when it asks, and how much it had sent when it last asked
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger sentWhenLastAsked = new AtomicInteger(-1);
        BooleanSupplier signOnsWaiting = () -> {
            asked.incrementAndGet();
            sentWhenLastAsked.set(transport.sent.size());
            return saturated.get();
        };
        try (Database database = new Database(TestDatabase.url(dir.resolve("spike.db")))) {
            Outbox outbox = new Outbox(database, Clock.systemUTC());
            // a rest far longer than the test: only the end of the spike (or closing) can cut it short
            MailRelay relay = new MailRelay(outbox, transport, composer(), Duration.ofSeconds(1), new Metrics(), signOnsWaiting, Duration.ofHours(1));
            queue(database, outbox, "spike", 150);
            relay.start();

            awaitSent(transport, MailRelay.BATCH);
            // resting, it looks at the writer every 100 ms: three more looks and not a mail more
            int looks = asked.get();
            Wait.until("three looks at the writer while resting", () -> asked.get() >= looks + 3);
            assertThat(transport.sent).as("one batch, then a rest while sign-ons queue for the writer").hasSize(MailRelay.BATCH);

            saturated.set(false);
            awaitSent(transport, 300);
            // after its last batch the relay asks once more, is told the spike is over, and goes idle
            Wait.until("the relay to ask after its last batch", () -> sentWhenLastAsked.get() == 300);

            saturated.set(true);
            queue(database, outbox, "later", 1);
            awaitSent(transport, 302);
            long closing = System.nanoTime();
            relay.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("closing cuts the rest short").isLessThan(Duration.ofSeconds(5));
        }
    }

    private static void awaitSent(CountingTransport transport, int count) {
        Wait.until(count + " mails sent", () -> transport.sent.size() >= count);
        assertThat(transport.sent).hasSize(count);
    }

    /** Two mails for each of count/2 recipients: first, then second. */
    private static void queue(Database database, Outbox outbox, String prefix, int count) {
        database.writer().run(h -> {
            for (String order : List.of("first", "second")) {
                for (int i = 0; i < count; i++) {
                    String to = prefix + "-" + i + "@example.org";
                    outbox.enqueue(h, new Mail(to, order, "text", "<p>html</p>", Map.of()));
                }
            }
        });
    }

    private static final class CountingTransport implements MailTransport {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void send(QueuedMail mail) {
            mostAtOnce.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.add(mail.recipient() + " " + mail.subject());
            now.decrementAndGet();
        }
    }

    private static MailComposer composer() {
        Messages messages = new Messages(Messages.BUNDLED);
        return new MailComposer(new Templates(messages, new Countries()), messages);
    }
}
