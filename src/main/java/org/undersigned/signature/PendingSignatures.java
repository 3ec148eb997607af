package org.undersigned.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.undersigned.db.Database;
import org.undersigned.petition.PetitionDao;
import org.undersigned.petition.Petitions;

/**
 * Signatures nobody confirmed: one reminder after a while (with a fresh link), and deletion
 * once they are older than the purge age. Runs now and then on the housekeeping thread.
 */
final class PendingSignatures {
    private static final Logger log = LoggerFactory.getLogger(PendingSignatures.class);
    private final Database database;
    private final SignerMail mails;
    private final Clock clock;
    private final Duration remindAfter;
    private final Duration purgeAfter;

    PendingSignatures(Database database, SignerMail mails, Clock clock, Duration remindAfter, Duration purgeAfter) {
        this.database = database;
        this.mails = mails;
        this.clock = clock;
        this.remindAfter = remindAfter;
        this.purgeAfter = purgeAfter;
    }

    int remind() {
        long now = clock.millis();
        List<Long> due = database.reads().withExtension(SignatureDao.class,
                dao -> dao.dueForReminder(now - remindAfter.toMillis(), now - purgeAfter.toMillis(), 500));
        int sent = 0;
        for (long id : due) {
            sent += database.writer().write(h -> {
                SignatureDao dao = h.attach(SignatureDao.class);
                if (dao.markReminded(id, clock.millis()) == 0) return 0;
                Signature signature = dao.byId(id).orElseThrow();
                var petition = Petitions.in(h, h.attach(PetitionDao.class).byId(signature.petitionId()).orElseThrow(), signature.textLang());
                mails.confirmation(h, petition, id, signature.email(), signature.greetingName(),
                        Locale.forLanguageTag(signature.locale()), "reminder");
                return 1;
            });
        }
        if (sent > 0) log.info("Sent {} reminder(s) to pending signers", sent);
        return sent;
    }

    /** Supporters' personal data goes a while after their campaign closed; organisations' listings stay. */
    int anonymise(java.time.Duration afterClosing) {
        long now = clock.millis();
        long closedBefore = now - afterClosing.toMillis();
        // asked on a read connection: the answer scans the supporters of every campaign closed long
        // ago, each minute, and inside the single writer that would hold every sign-on back meanwhile
        if (!database.reads().withExtension(SignatureDao.class, dao -> dao.supportersToAnonymise(closedBefore))) return 0;
        int done = database.writer().write(h -> {
            SignatureDao dao = h.attach(SignatureDao.class);
            int n = dao.anonymiseSupporters(closedBefore, now);
            if (n > 0) dao.dropTokensOfAnonymised();
            return n;
        });
        if (done > 0) log.info("Anonymised {} supporter signature(s) of closed campaigns", done);
        return done;
    }

    int purge() {
        long before = clock.millis() - purgeAfter.toMillis();
        int purged = database.writer().write(h -> h.attach(SignatureDao.class).purgePending(before));
        if (purged > 0) log.info("Deleted {} signature(s) never confirmed", purged);
        return purged;
    }
}
