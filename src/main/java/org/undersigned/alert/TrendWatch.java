package org.undersigned.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;

/**
 * Watches the last hour of each open petition: one client address, one email domain (not a large
 * webmail's, which countless strangers share) or one organisation name behind at least the
 * threshold of sign-ons raises an alert, and so do sign-ons not stored at all because a client or
 * the petition's held sign-ons were over their ceiling. Each alert is
 * raised once per hour and mailed once, with others of the same round, to the petition's
 * coordinators; the dashboard lists them.
 */
public final class TrendWatch {
    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;
    private final Database database;
    private final Outbox outbox;
    private final MailComposer composer;
    private final Clock clock;
    private final String baseUrl;
    private final int threshold;
    private final Predicate<String> webmail;

    /** webmail: whether a domain is a large webmail's, shared by strangers, whose many sign-ons say nothing. */
    public TrendWatch(Database database, Outbox outbox, MailComposer composer, Clock clock, String baseUrl, int threshold,
                      Predicate<String> webmail) {
        this.database = database;
        this.outbox = outbox;
        this.composer = composer;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.threshold = threshold;
        this.webmail = webmail;
    }

    public void check() {
        long now = clock.millis();
        long since = now - HOUR;
        long hour = now / HOUR;
        for (long petitionId : database.reads().withExtension(AlertDao.class, AlertDao::openPetitions)) {
            // counted on a read connection: over a busy hour the counts scan hundreds of thousands of
            // rows, and inside the single writer that held every sign-on back meanwhile
            // an hour with fewer sign-ons than the threshold cannot hold a flood: the usual case, counted on one
            // index range, while the three counts below read every sign-on of the hour (the client count, of all time)
            // sign-ons dropped over a ceiling were never stored: they raise an alert of their own, counted apart
            long dropped = database.reads().withExtension(AlertDao.class, dao -> dao.droppedSince(petitionId, since / MINUTE));
            Hits hits = database.reads().withExtension(AlertDao.class, dao -> dao.signOnsSince(petitionId, since) < threshold
                    ? Hits.NONE
                    : new Hits(dao.byClient(petitionId, since, threshold),
                            dao.byDomain(petitionId, since, threshold).stream().filter(d -> !webmail.test(d.key())).toList(),
                            dao.byName(petitionId, since, threshold))).withDropped(dropped);
            if (hits.none()) continue;
            database.writer().run(h -> {
                AlertDao dao = h.attach(AlertDao.class);
                List<Map<String, String>> items = new ArrayList<>();
                for (AlertDao.Hit hit : hits.clients()) {
                    // the address itself is not known, only its keyed hash: the alert says "one client"
                    if (dao.raise(petitionId, "client", hit.key(), hour, hit.count(), now) == 1) items.add(item("client", "", hit));
                }
                for (AlertDao.Hit hit : hits.domains()) {
                    if (dao.raise(petitionId, "domain", hit.key(), hour, hit.count(), now) == 1) items.add(item("domain", hit.key(), hit));
                }
                for (AlertDao.Hit hit : hits.names()) {
                    if (dao.raise(petitionId, "name", hit.key(), hour, hit.count(), now) == 1) items.add(item("name", hit.key(), hit));
                }
                if (hits.dropped() > 0 && dao.raise(petitionId, "dropped", "", hour, hits.dropped(), now) == 1) {
                    items.add(item("dropped", "", new AlertDao.Hit("", hits.dropped())));
                }
                if (items.isEmpty()) return;
                Petition petition = Petitions.byId(h, petitionId).orElseThrow();
                long held = dao.heldSince(petitionId, since);
                for (Petitions.Recipient recipient : Petitions.coordinatorRecipients(h, petitionId)) {
                    String to = recipient.email();
                    outbox.enqueue(h, composer.compose("alert", recipient.locale(), to, Map.of(
                            "title", petition.title(), "name", to, "alerts", items, "held", held,
                            "link", baseUrl + "/admin" + petition.path() + (held > 0 ? "?status=suspect" : ""))));
                }
            });
        }
    }

    /** One petition's last hour: the client addresses, email domains and names at or over the threshold; the sign-ons dropped. */
    private record Hits(List<AlertDao.Hit> clients, List<AlertDao.Hit> domains, List<AlertDao.Hit> names, long dropped) {
        static final Hits NONE = new Hits(List.of(), List.of(), List.of(), 0);

        Hits(List<AlertDao.Hit> clients, List<AlertDao.Hit> domains, List<AlertDao.Hit> names) {
            this(clients, domains, names, 0);
        }

        Hits withDropped(long count) {
            return new Hits(clients, domains, names, count);
        }

        boolean none() {
            return clients.isEmpty() && domains.isEmpty() && names.isEmpty() && dropped == 0;
        }
    }

    private static Map<String, String> item(String kind, String key, AlertDao.Hit hit) {
        return Map.of("kind", kind, "key", key, "count", String.valueOf(hit.count()));
    }
}
