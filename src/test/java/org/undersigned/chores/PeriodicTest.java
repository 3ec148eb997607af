package org.undersigned.chores;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Wait;

/** A sparing chore whose rounds grow long (the last hour's sign-ons counted during a spike) runs less often. */
class PeriodicTest {

    @Test
    void a_sparing_chore_waits_nineteen_times_its_last_round_and_a_plain_one_keeps_its_pace() {
        AtomicInteger sparingRounds = new AtomicInteger();
        AtomicInteger plainRounds = new AtomicInteger();
        Duration every = Duration.ofMillis(20);
        try (Periodic sparing = Periodic.sparing("sparing", every, () -> slowRound(sparingRounds));
             Periodic plain = new Periodic("plain", every, () -> slowRound(plainRounds))) {
            // each round takes 150 ms: the plain chore's fourth ends after about 0.7 s; the sparing
            // chore's second round starts 2.85 s after its first ended (it would start after 20 ms unspared)
            Wait.until("four rounds of the plain chore", () -> plain.rounds() >= 4);
            assertThat(sparing.rounds()).isEqualTo(1);
        }
        assertThat(sparingRounds).hasValue(1);
        assertThat(plainRounds.get()).isGreaterThanOrEqualTo(4);
    }

    private static void slowRound(AtomicInteger rounds) {
        rounds.incrementAndGet();
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
