package org.undersigned.signature;

import org.undersigned.webhook.Webhooks;

import org.undersigned.metrics.Metrics;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.undersigned.Config;
import org.undersigned.chores.Chores;
import org.undersigned.chores.Periodic;
import org.undersigned.db.Database;
import org.undersigned.mail.Outbox;
import org.undersigned.web.AfterWrites;
import org.undersigned.web.ClientAddress;
import org.undersigned.web.FormToken;
import org.undersigned.text.Messages;
import org.undersigned.web.PageRenderer;

/** The signature pipeline, built once: signing for every kind of petition, the mail links, the chores. */
public final class SignatureFeature implements AutoCloseable {
    private final Signing signing;
    private final SignatureRoutes routes;
    private final PendingSignatures pending;
    private final SuspectReview suspects;
    private final ByHand byHand;
    private final Config config;
    private Periodic housekeeping;

    public SignatureFeature(Config config, Database database, Outbox outbox, Messages messages,
                            FormToken formToken, ClientAddress clientAddress, Clock clock,
                            Metrics metrics, AfterWrites afterWrites, PageRenderer renderer, DisposableDomains domains,
                            Webhooks webhooks) {
        this.config = config;
        SignatureWrites writes = new SignatureWrites(database.writer());
        SignerMail mails = new SignerMail(outbox, writes, new LinkTokens(), clock, config.web().baseUrl(), config.signatures().confirmLinkValidity());
        EmailAddress emails = new EmailAddress();
        AfterSigning offers = new AfterSigning(database, writes, mails, formToken, emails, clock, config.rateLimits(), domains);
        EmailTypos typos = new EmailTypos();
        this.signing = new Signing(new SignOn(database, writes, mails, messages, emails, clock, config.rateLimits(), metrics, domains),
                formToken, clientAddress, afterWrites, new AfterSigningPage(offers, emails, typos, clientAddress, renderer), typos);
        this.routes = new SignatureRoutes(new SignatureLinks(database, writes, mails, clock, metrics, webhooks), formToken, afterWrites, renderer,
                new ThankYou(database));
        this.suspects = new SuspectReview(database, mails, writes, clock);
        this.byHand = new ByHand(mails, emails, messages, clock, webhooks);
        this.pending = new PendingSignatures(database, mails, clock, config.signatures().reminderAfter(), config.signatures().pendingPurgeAfter());
    }

    public Signing signing() {
        return signing;
    }

    public SuspectReview suspects() {
        return suspects;
    }

    public ByHand byHand() {
        return byHand;
    }

    public void register(RoutesConfig routesConfig) {
        routes.register(routesConfig);
    }

    public void startHousekeeping(Chores chores) {
        housekeeping = chores.every("housekeeping", config.housekeepingInterval(), () -> {
            suspects.releaseQuiet();
            suspects.forgetCounts();
            pending.remind();
            pending.purge();
            pending.anonymise(config.signatures().anonymiseAfterClosing());
        });
    }

    /** Housekeeping rounds ended so far (held sign-ons released, the limits' old counts forgotten, reminders, purges, anonymisation). */
    public long housekeepingRounds() {
        return housekeeping == null ? 0 : housekeeping.rounds();
    }

    @Override
    public void close() {
        if (housekeeping != null) housekeeping.close();
    }
}
