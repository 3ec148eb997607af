package org.undersigned.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.undersigned.db.Database;
import org.undersigned.petition.Petitions;

/**
 * Signatures nobody confirmed: one reminder after a while (with a fresh link), and deletion
 * once they are older than the purge age; and the supporters of campaigns closed long ago,
 * anonymised. Runs now and then on the housekeeping thread. After a national-scale spike these
 * touch hundreds of thousands of rows, so they go through the single writer in pieces: one
 * statement over all of them would hold every sign-on back for seconds.
 */
final class PendingSignatures {
    private static final Logger log = LoggerFactory.getLogger(PendingSignatures.class);
    static final int PIECE = 500;
    private final Database database;
    private final SignerMail mails;
    private final Clock clock;
    private final Duration remindAfter;
    private final Duration purgeAfter;
    /** Rows deleted or anonymised per write: a few milliseconds of the single writer at a time. */
    private final int pieceSize;

    PendingSignatures(Database database, SignerMail mails, Clock clock, Duration remindAfter, Duration purgeAfter) {
        this(database, mails, clock, remindAfter, purgeAfter, PIECE);
    }

    PendingSignatures(Database database, SignerMail mails, Clock clock, Duration remindAfter, Duration purgeAfter, int piece) {
        this.pieceSize = piece;
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
                var petition = Petitions.in(h, Petitions.byId(h, signature.petitionId()).orElseThrow(), signature.textLang());
                mails.confirmation(h, petition, id, signature.email(), signature.greetingName(), signature.organisation(),
                        Locale.forLanguageTag(signature.locale()), "reminder");
                return 1;
            });
        }
        if (sent > 0) log.info("Sent {} reminder(s) to pending signers", sent);
        return sent;
    }

    /**
     * Supporters' personal data goes a while after their campaign closed; organisations' listings
     * stay. The closings due are found on a read connection (the petitions alone, not their
     * supporters); each campaign is then walked once, a piece at a time, and marked done.
     */
    int anonymise(Duration afterClosing) {
        long now = clock.millis();
        List<Closing> due = database.reads().withExtension(SignatureDao.class,
                dao -> dao.closingsToAnonymise(now - afterClosing.toMillis()));
        int done = 0;
        for (Closing closing : due) done += anonymise(closing, now);
        if (done > 0) log.info("Anonymised {} supporter signature(s) of closed campaigns", done);
        return done;
    }

    private int anonymise(Closing closing, long now) {
        int done = 0;
        Walked after = Walked.START;
        while (true) {
            Walked from = after;
            List<Walked> walked = database.writer().write(h -> {
                SignatureDao dao = h.attach(SignatureDao.class);
                List<Walked> piece = dao.anonymiseSupporters(closing.id(), from.createdAt(), from.id(), pieceSize, now);
                if (!piece.isEmpty()) {
                    List<Long> ids = piece.stream().map(Walked::id).toList();
                    dao.dropTokens(ids);
                    dao.dropAnswers(ids);
                }
                if (piece.size() < pieceSize) dao.markAnonymised(closing.id(), closing.closedAt());
                return piece;
            });
            done += walked.size();
            if (walked.size() < pieceSize) return done;
            after = Collections.max(walked);
        }
    }

    int purge() {
        long before = clock.millis() - purgeAfter.toMillis();
        int purged = database.writer().inPieces(pieceSize, h -> h.attach(SignatureDao.class).purgePending(before, pieceSize));
        if (purged > 0) log.info("Deleted {} signature(s) never confirmed", purged);
        return purged;
    }
}
