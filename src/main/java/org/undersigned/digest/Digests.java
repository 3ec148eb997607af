package org.undersigned.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.undersigned.chores.Chores;
import org.undersigned.chores.Periodic;
import org.undersigned.db.Database;
import org.undersigned.petition.Petitions;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;

/**
 * Once a day, for each petition that asks for it, tells its coordinators what was confirmed since
 * the last digest and how many sign-ons wait for approval. Mails go through the outbox in the
 * same transaction that notes the digest as sent; a day with nothing to tell sends nothing.
 */
public final class Digests implements AutoCloseable {
    static final Duration EVERY = Duration.ofDays(1);
    private static final int LISTED_IN_MAIL = 50;
    private final Database database;
    private final Outbox outbox;
    private final MailComposer composer;
    private final Clock clock;
    private final String baseUrl;
    private Periodic rounds;

    public Digests(Database database, Outbox outbox, MailComposer composer, Clock clock, String baseUrl) {
        this.database = database;
        this.outbox = outbox;
        this.composer = composer;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public void start(Chores chores, Duration checkEvery) {
        rounds = chores.every("digests", checkEvery, this::sendDue);
    }

    /** Rounds of looking for due digests ended so far. */
    public long rounds() {
        return rounds == null ? 0 : rounds.rounds();
    }

    int sendDue() {
        long now = clock.millis();
        var due = database.reads().withExtension(DigestDao.class, dao -> dao.due(now - EVERY.toMillis()));
        int mails = 0;
        for (DigestDao.Due petition : due) {
            mails += database.writer().write(h -> {
                DigestDao dao = h.attach(DigestDao.class);
                long since = petition.digestSentAt() != null ? petition.digestSentAt() : petition.createdAt();
                var fresh = dao.confirmedBetween(petition.id(), since, now);
                long awaiting = dao.awaiting(petition.id());
                dao.sent(petition.id(), now);
                if (fresh.isEmpty() && awaiting == 0) return 0;
                var recipients = Petitions.coordinatorRecipients(h, petition.id());
                for (Petitions.Recipient recipient : recipients) {
                    String to = recipient.email();
                    outbox.enqueue(h, composer.compose("digest", recipient.locale(), to, Map.of(
                            "title", petition.title(),
                            "name", to,
                            "count", fresh.size(),
                            "signOns", fresh.subList(0, Math.min(LISTED_IN_MAIL, fresh.size())),
                            "more", Math.max(0, fresh.size() - LISTED_IN_MAIL),
                            "awaiting", awaiting,
                            "link", baseUrl + "/admin/" + petition.kind() + "s/" + petition.slug())));
                }
                return recipients.size();
            });
        }
        return mails;
    }

    @Override
    public void close() {
        if (rounds != null) rounds.close();
    }
}
