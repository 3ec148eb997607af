package org.undersigned;

import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.undersigned.db.Database;
import org.undersigned.digest.Digests;
import org.undersigned.db.Settings;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.MailRelay;
import org.undersigned.mail.Outbox;
import org.undersigned.metrics.Metrics;
import org.undersigned.metrics.OperationsRoutes;
import org.undersigned.alert.TrendWatch;
import org.undersigned.audit.Audit;
import org.undersigned.chores.Periodic;
import org.undersigned.chores.ScheduledBackups;
import org.undersigned.audit.AuditRoutes;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.publishing.PublishingRoutes;
import org.undersigned.publishing.TranslationRoutes;
import org.undersigned.signatories.SignatoryAdminRoutes;
import org.undersigned.campaign.CampaignRoutes;
import org.undersigned.coordinator.CoordinatorFeature;
import org.undersigned.dashboard.DashboardRoutes;
import org.undersigned.petition.DemoContent;
import org.undersigned.petition.HomeRoutes;
import org.undersigned.petition.Petitions;
import org.undersigned.petition.PublicPages;
import org.undersigned.signature.EmailAddress;
import org.undersigned.signature.OrganisationForm;
import org.undersigned.signature.SignatureFeature;
import org.undersigned.signature.SupporterForm;
import org.undersigned.statement.StatementRoutes;
import org.undersigned.web.AfterWrites;
import org.undersigned.web.ClientAddress;
import org.undersigned.text.Countries;
import org.undersigned.web.ErrorPages;
import org.undersigned.web.FormToken;
import org.undersigned.web.InFlightRequests;
import org.undersigned.web.Localization;
import org.undersigned.text.Markdown;
import org.undersigned.text.Messages;
import org.undersigned.web.PageRenderer;
import org.undersigned.web.SecurityHeaders;
import org.undersigned.text.Templates;

/** Builds every part from a {@link Config}, wires the features by hand, and runs them. */
public final class App {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** Forms are small; anything bigger is refused with 413 before it is read whole. */
    static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** Too large a body is still read (and dropped) up to here, so that its sender gets the 413 page. */
    private static final long DRAINED_AT_MOST = 4L * 1024 * 1024;
    private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(20);
    private final Config config;
    private final Clock clock;
    private Database database;
    private MailRelay relay;
    private SignatureFeature signatures;
    private Digests digests;
    private Periodic trendWatch;
    private Periodic mailLog;
    private ScheduledBackups backups;
    private Javalin server;
    private final InFlightRequests inFlight = new InFlightRequests();

    public App(Config config) {
        this(config, Clock.systemUTC());
    }

    public App(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public App start() {
        database = new Database(config.databaseUrl());
        boolean seedDemo = config.demoData() != null ? config.demoData() : database.createdNow();
        if (seedDemo) new DemoContent(database, clock).seed();

        Messages messages = new Messages(Messages.BUNDLED);
        Countries countries = new Countries();
        Localization localization = new Localization(messages.locales(), config.httpsOnly());
        Templates templates = new Templates(messages, countries);
        MailComposer composer = new MailComposer(templates, messages);
        Outbox outbox = new Outbox(database, clock);
        Metrics metrics = new Metrics();
        relay = MailRelay.create(config, outbox, composer, metrics, database.writer().stats()::saturated);
        Settings settings = new Settings(database);
        FormToken formToken = new FormToken(settings.secret("form_token"), clock);
        ClientAddress clientAddress = new ClientAddress(config.trustedProxies(), settings.secret("client_hash"));
        EmailAddress emails = new EmailAddress();
        Petitions petitions = new Petitions(database, clock);
        PublicPages pages = new PublicPages(petitions, clock);
        // Javalin's own default, made here so that sign-ons can be answered on it after their commit
        QueuedThreadPool requestThreads = new QueuedThreadPool(250, 8, 60_000);
        requestThreads.setName("JettyServerThreadPool");
        AfterWrites afterWrites = new AfterWrites(requestThreads);
        PageRenderer renderer = new PageRenderer(templates, localization, config.baseUrl());
        signatures = new SignatureFeature(config, database, outbox, messages, formToken, clientAddress, clock, metrics, afterWrites,
                renderer);
        digests = new Digests(database, outbox, composer, clock, config.baseUrl());
        Markdown markdown = new Markdown();
        Audit audit = new Audit(database, clock);
        CoordinatorFeature coordinators = new CoordinatorFeature(config, database, formToken, clientAddress, audit, outbox, composer, clock);
        SecurityHeaders headers = new SecurityHeaders(config.httpsOnly());

        OperationsRoutes operations = new OperationsRoutes(database, outbox, metrics, config.operations().metricsToken());
        metrics.counter("undersigned_page_renders_total", "Public pages and JSON rendered for the in-memory cache", pages::renders);
        metrics.gauge("undersigned_http_requests_in_flight", "Requests taken in and not yet answered, those waiting for their write included",
                inFlight::count);
        metrics.gauge("undersigned_page_cache_bytes", "Memory the cached public pages take, plain and gzipped", pages::bytes);
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.jsonMapper(new JavalinJackson());
            cfg.fileRenderer(renderer);
            cfg.staticFiles.add("/public", Location.CLASSPATH);
            cfg.jetty.port = config.port();
            cfg.jetty.threadPool = requestThreads;
            cfg.jetty.modifyServer(server -> server.setHandler(inFlight));
            cfg.routes.before(headers::apply);
            cfg.routes.before(App::refuseDeclaredTooLarge);
            cfg.routes.before(headers::refuseCrossSitePosts);
            cfg.routes.before(localization::resolve);
            new ErrorPages().register(cfg.routes);
            new HomeRoutes(petitions).register(cfg.routes);
            new StatementRoutes(petitions, database, new OrganisationForm(countries, emails), signatures.signing(),
                    markdown, countries, pages).register(cfg.routes);
            new CampaignRoutes(petitions, database, new SupporterForm(countries, emails), signatures.signing(),
                    markdown, countries, pages).register(cfg.routes);
            signatures.register(cfg.routes);
            coordinators.register(cfg.routes);
            new DashboardRoutes(database, clock).register(cfg.routes);
            PetitionAccess access = new PetitionAccess(database, petitions);
            new PublishingRoutes(database, audit, access, markdown, clock).register(cfg.routes);
            new TranslationRoutes(database, access, audit, clock).register(cfg.routes);
            new SignatoryAdminRoutes(database, access, audit, messages, clock, signatures.suspects()).register(cfg.routes);
            new AuditRoutes(audit).register(cfg.routes);
            operations.register(cfg.routes);
            cfg.requestLogger.http(operations::observe);
        });
        server.start();
        relay.start();
        signatures.startHousekeeping();
        digests.start(config.housekeepingInterval());
        TrendWatch trends = new TrendWatch(database, outbox, composer, clock, config.baseUrl(), config.rateLimits().alertPerHour());
        trendWatch = Periodic.sparing("trend-watch", config.housekeepingInterval(), trends::check);
        mailLog = new Periodic("mail-log", config.housekeepingInterval(), () -> outbox.forgetSettled(config.mailLogKept()));
        if (config.operations().backupDir() != null) {
            backups = new ScheduledBackups(database, config.operations(), clock);
            backups.start();
        }
        log.info("undersigned is listening on port {} ({})", port(), config.baseUrl());
        return this;
    }

    public int port() {
        return server.port();
    }

    /**
     * The fewest rounds any clock-driven chore (reminders and purges, digests, the mail log) has
     * ended: once it has grown by two, each has run a whole round since, and seen the clock's present.
     */
    public long choreRounds() {
        return Math.min(Math.min(signatures.housekeepingRounds(), digests.rounds()), mailLog.rounds());
    }

    /** Rounds the trend watch has ended (it spares itself, so it may look only every few seconds). */
    public long trendWatchRounds() {
        return trendWatch.rounds();
    }

    /** In order: no new work, requests in flight finish, the relay ends its current mail, the database closes. */
    public void stop() {
        boolean wasRunning = server != null;
        if (signatures != null) signatures.close();
        if (digests != null) digests.close();
        if (trendWatch != null) trendWatch.close();
        if (mailLog != null) mailLog.close();
        if (backups != null) backups.close();
        if (server != null) {
            if (!inFlight.drain(STOP_GRACE)) log.warn("{} request(s) still running after {}; stopping anyway", inFlight.count(), STOP_GRACE);
            server.stop();
        }
        if (relay != null) relay.close();
        if (database != null) database.close();
        server = null;
        relay = null;
        signatures = null;
        digests = null;
        trendWatch = null;
        mailLog = null;
        backups = null;
        database = null;
        if (wasRunning) log.info("undersigned stopped cleanly");
    }

    /**
     * A body declared too large gets the 413 page. A client that asked {@code Expect: 100-continue}
     * (curl does for big bodies) is refused before it sends any. One that sends at once, as browsers
     * do, has a body of up to {@link #DRAINED_AT_MOST} read and dropped first: closing on unread data
     * resets the connection, and the reset can destroy the page before the browser reads it.
     */
    private static void refuseDeclaredTooLarge(Context ctx) throws java.io.IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared <= MAX_REQUEST_BYTES) return;
        if (!"100-continue".equalsIgnoreCase(ctx.header("Expect")) && declared <= DRAINED_AT_MOST) {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
        throw new ContentTooLargeResponse();
    }
}
