package org.undersigned;

import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
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
import org.undersigned.api.ApiFeature;
import org.undersigned.audit.Audit;
import org.undersigned.chores.Chores;
import org.undersigned.chores.Periodic;
import org.undersigned.chores.ScheduledBackups;
import org.undersigned.audit.AuditRoutes;
import org.undersigned.alert.Alerts;
import org.undersigned.campaign.CampaignPage;
import org.undersigned.coordinator.CoordinatorFeature;
import org.undersigned.dashboard.DashboardRoutes;
import org.undersigned.pages.HomeRoutes;
import org.undersigned.delivery.DeliveryRoutes;
import org.undersigned.launch.LaunchKeys;
import org.undersigned.launch.LaunchRoutes;
import org.undersigned.pages.PetitionPages;
import org.undersigned.imports.ImportRoutes;
import org.undersigned.imports.Imports;
import org.undersigned.pages.PublicPages;
import org.undersigned.petition.DemoContent;
import org.undersigned.petition.Kind;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.Petitions;
import org.undersigned.publishing.PublishingFeature;
import org.undersigned.signatories.DecisionMail;
import org.undersigned.signatories.DuplicateRoutes;
import org.undersigned.signatories.Duplicates;
import org.undersigned.signatories.Merges;
import org.undersigned.signatories.Moderation;
import org.undersigned.signatories.NumbersRoutes;
import org.undersigned.signatories.MemberRoutes;
import org.undersigned.signatories.Members;
import org.undersigned.signatories.SignatoryAdminRoutes;
import org.undersigned.signatories.SignatoryExport;
import org.undersigned.signatories.SignatureEditRoutes;
import org.undersigned.signatories.SignatureEdits;
import org.undersigned.signatories.Tags;
import org.undersigned.signatories.SignatoryOverview;
import org.undersigned.signature.DisposableDomains;
import org.undersigned.signature.EmailAddress;
import org.undersigned.signature.OrganisationForm;
import org.undersigned.signature.SignatureFeature;
import org.undersigned.signature.SupporterForm;
import org.undersigned.site.Site;
import org.undersigned.site.SiteRoutes;
import org.undersigned.statement.LogoRoutes;
import org.undersigned.statement.StatementPage;
import org.undersigned.web.AfterWrites;
import org.undersigned.web.ClientAddress;
import org.undersigned.text.Countries;
import org.undersigned.webhook.WebhookFeature;
import org.undersigned.web.ErrorPages;
import org.undersigned.web.FormToken;
import org.undersigned.web.InFlightRequests;
import org.undersigned.web.Localization;
import org.undersigned.text.Markdown;
import org.undersigned.text.Messages;
import org.undersigned.web.PageRenderer;
import org.undersigned.web.SecurityHeaders;
import org.undersigned.web.SlowClients;
import org.undersigned.web.UnreadableBody;
import org.undersigned.text.Templates;

/** Builds every part from a {@link Config}, wires the features by hand, and runs them. */
public final class App {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** Forms are small; anything bigger is refused with 413 before it is read whole. */
    static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** The forms that may carry a logo (the site's, an organisation's when signing or from its coordinators): a larger body. */
    private static final java.util.regex.Pattern UPLOADS = java.util.regex.Pattern.compile(
            SiteRoutes.UPLOAD_PATH + "|/statements/[^/]+/(signatures|embed)|/admin/statements/[^/]+/signatures/[0-9]+/logo");
    /** Too large a body is still read (and dropped) up to here, so that its sender gets the 413 page. */
    private static final long DRAINED_AT_MOST = 4L * 1024 * 1024;
    private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(20);
    private final Config config;
    private final Clock clock;
    /** The parts that hold threads, sockets or files, in the order {@link #startParts} made them; {@link #stop} closes them backwards. */
    private final Closer running = new Closer();
    private Javalin server;
    private volatile boolean started;
    /** The clock-driven chores, for tests that wait until each has run a round (see {@link #choreRounds}). */
    private SignatureFeature signatures;
    private Digests digests;
    private Periodic mailLog;
    private Periodic trendWatch;
    private final InFlightRequests inFlight = new InFlightRequests();

    public App(Config config) {
        this(config, Clock.systemUTC());
    }

    public App(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public App start() {
        try {
            startParts();
        } catch (RuntimeException | Error e) {
            // a port taken or a wrong setting: what did start stops again, rather than linger half-started
            running.closeAll();
            server = null;
            throw e;
        }
        started = true;
        log.info("undersigned is listening on port {} ({})", port(), config.web().baseUrl());
        return this;
    }

    /**
     * Builds and starts the parts, registering each with {@link #running} as it is made, in the order
     * that makes the reverse the right order to stop: the database, the mail relay, the web server,
     * then the chores.
     */
    private void startParts() {
        Database database = running.add("database", open(config.storage()));
        boolean seedDemo = config.demoData() != null ? config.demoData() : database.createdNow();
        if (seedDemo) new DemoContent(database, clock).seed();

        Messages messages = new Messages(Messages.BUNDLED);
        Countries countries = new Countries();
        Localization localization = new Localization(messages.locales(), config.web().httpsOnly());
        Templates templates = new Templates(messages, countries);
        Audit audit = new Audit(database, clock);
        Site site = new Site(database, audit, config.web().siteName());
        // MAIL_FROM_NAME, when set, names the sender; else the site's name as the settings page sets it
        java.util.function.Supplier<String> sender = config.mail().fromName() != null ? config.mail()::fromName : () -> site.current().name();
        MailComposer composer = new MailComposer(templates, messages, sender);
        Outbox outbox = new Outbox(database, clock, config.mail().claimLease());
        Metrics metrics = new Metrics();
        // registered before the server, though started after it, so that it closes only once the requests in flight have finished
        MailRelay relay = running.add("mail relay",
                MailRelay.create(config.mail(), outbox, composer, metrics, database.writer().stats()::saturated, sender));
        Settings settings = new Settings(database);
        FormToken formToken = new FormToken(settings.secret("form_token"), clock);
        ClientAddress clientAddress = new ClientAddress(config.web().trustedProxies(), settings.secret("client_hash"));
        EmailAddress emails = new EmailAddress();
        OrganisationForm organisationForm = new OrganisationForm(countries, emails);
        SupporterForm supporterForm = new SupporterForm(countries, emails);
        Petitions petitions = running.add("petitions", new Petitions(database, clock));
        PublicPages pages = new PublicPages(clock, site::version, site::refresh);
        // Javalin's own default, made here so that sign-ons can be answered on it after their commit
        QueuedThreadPool requestThreads = new QueuedThreadPool(250, 8, 60_000);
        requestThreads.setName("JettyServerThreadPool");
        AfterWrites afterWrites = new AfterWrites(requestThreads);
        PageRenderer renderer = new PageRenderer(templates, localization, config.web().baseUrl(), site::current);
        WebhookFeature webhooks = running.add("webhooks", new WebhookFeature(database, audit, config, clock));
        signatures = new SignatureFeature(config, database, outbox, messages, formToken, clientAddress, clock, metrics, afterWrites,
                renderer, DisposableDomains.bundled(), webhooks.webhooks());
        digests = new Digests(database, outbox, composer, clock, config.web().baseUrl());
        Markdown markdown = new Markdown();
        CoordinatorFeature coordinators = new CoordinatorFeature(config, database, formToken, clientAddress, audit, outbox, composer, clock);
        SecurityHeaders headers = new SecurityHeaders(config.web().httpsOnly());

        OperationsRoutes operations = new OperationsRoutes(database, outbox, metrics, config.operations().metricsToken());
        metrics.counter("undersigned_page_renders_total", "Public pages and JSON rendered for the in-memory cache", pages::renders);
        metrics.gauge("undersigned_http_requests_in_flight", "Requests taken in and not yet answered, those waiting for their write included",
                inFlight::count);
        SlowClients slowClients = new SlowClients(config.web().connectionsPerClient(), config.web().requestDeadline(),
                clientAddress::isTrustedProxy);
        metrics.counter("undersigned_connections_refused_total", "Connections closed on opening: their address held CONNECTIONS_PER_CLIENT already",
                slowClients::refused);
        metrics.counter("undersigned_requests_cut_off_total", "Connections closed because their request had not arrived whole in time",
                slowClients::cutOff);
        metrics.gauge("undersigned_page_cache_bytes", "Memory the cached public pages take, plain and gzipped", pages::bytes);
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            // two uploads: a file to import, the larger, goes to a temporary file past the logo's size; the settings
            // page's logo is kept in memory, as it is read whole anyway
            cfg.jetty.multipartConfig.maxTotalRequestSize(ImportRoutes.MAX_REQUEST_BYTES, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize((int) SiteRoutes.MAX_REQUEST_BYTES, io.javalin.config.SizeUnit.BYTES);
            cfg.jsonMapper(new JavalinJackson());
            cfg.fileRenderer(renderer);
            cfg.staticFiles.add("/public", Location.CLASSPATH);
            cfg.jetty.addConnector((jetty, http) -> {
                ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
                connector.setPort(config.web().port());
                slowClients.watch(connector);
                return connector;
            });
            cfg.jetty.threadPool = requestThreads;
            cfg.jetty.modifyServer(server -> server.setHandler(inFlight));
            cfg.routes.before(headers::apply);
            cfg.routes.before(App::refuseDeclaredTooLarge);
            cfg.routes.before(UnreadableBody::refuse);
            cfg.routes.before(headers::refuseCrossSitePosts);
            cfg.routes.before(localization::resolve);
            new ErrorPages().register(cfg.routes);
            new HomeRoutes(petitions, config.web().baseUrl()).register(cfg.routes);
            LaunchKeys launchKeys = new LaunchKeys(database, petitions, audit, clock);
            Members members = new Members(database, audit, outbox, new org.undersigned.tokens.Tokens(), clock, config.web().baseUrl());
            PetitionPages petitionPages = new PetitionPages(petitions, pages, signatures.signing(), markdown, countries, launchKeys, List.of(
                    new StatementPage(database, countries, organisationForm, members), new CampaignPage(database, supporterForm, clock, config.web().baseUrl())));
            petitionPages.register(cfg.routes);
            signatures.register(cfg.routes);
            coordinators.register(cfg.routes);
            new DashboardRoutes(database, new Alerts(database), clock).register(cfg.routes);
            PetitionAccess access = new PetitionAccess(database, petitions);
            new LaunchRoutes(launchKeys, access).register(cfg.routes);
            new DeliveryRoutes(database, access, audit, countries, markdown, renderer, clock).register(cfg.routes);
            new PublishingFeature(database, petitions, access, coordinators.coordinators(), audit, markdown, clock, petitionPages::preview)
                    .register(cfg.routes);
            SignatoryOverview overview = new SignatoryOverview(database);
            Duplicates duplicates = new Duplicates(database);
            Tags tags = new Tags(database, audit, clock);
            new SignatoryAdminRoutes(access, overview, new Moderation(database, audit, signatures.suspects(),
                    new DecisionMail(outbox, config.web().baseUrl()), webhooks.webhooks()),
                    new SignatoryExport(database, audit, messages, countries), tags, duplicates, members, messages, clock)
                    .register(cfg.routes);
            new MemberRoutes(access, members).register(cfg.routes);
            new DuplicateRoutes(access, duplicates, new Merges(database, audit, clock)).register(cfg.routes);
            SignatureEdits edits = new SignatureEdits(database, audit, Map.of(Kind.STATEMENT, organisationForm, Kind.CAMPAIGN, supporterForm),
                    signatures.byHand(), emails, clock);
            new SignatureEditRoutes(access, overview, edits, tags, countries, messages).register(cfg.routes);
            Imports imports = running.add("imports", new Imports(database, audit, Map.of(Kind.STATEMENT, organisationForm,
                    Kind.CAMPAIGN, supporterForm), signatures.byHand(), emails, countries, messages, clock));
            new ImportRoutes(access, imports, messages).register(cfg.routes);
            new NumbersRoutes(access, database, messages, clock).register(cfg.routes);
            new AuditRoutes(audit).register(cfg.routes);
            new SiteRoutes(site).register(cfg.routes);
            webhooks.register(cfg.routes);
            new LogoRoutes(database).register(cfg.routes);
            // the API's forms are the public forms: one place for each check
            new ApiFeature(database, petitions, access, signatures.byHand(),
                    Map.of(Kind.STATEMENT, organisationForm, Kind.CAMPAIGN, supporterForm), messages, audit, afterWrites, clock,
                    config.web().baseUrl()).register(cfg.routes);
            operations.register(cfg.routes);
            cfg.requestLogger.http(operations::observe);
        });
        // registered before it starts, so that a start failing half-way still stops what Jetty began
        running.add("web server", this::drainAndStopServer);
        server.start();
        relay.start();
        webhooks.start();
        Chores chores = running.add("chore turns", new Chores(database));
        signatures.startHousekeeping(chores);
        running.add("housekeeping", signatures);
        coordinators.startHousekeeping(chores);
        running.add("login attempts", coordinators);
        digests.start(chores, config.housekeepingInterval());
        running.add("webhook chores", webhooks.startChores(chores, config.housekeepingInterval(), config.mail().logKept()));
        running.add("digests", digests);
        TrendWatch trends = new TrendWatch(database, outbox, composer, clock, config.web().baseUrl(), config.rateLimits().alertPerHour(),
                config.rateLimits()::webmail);
        trendWatch = running.add("trend watch", chores.sparing("trend-watch", config.housekeepingInterval(), trends::check));
        mailLog = running.add("mail log", chores.every("mail-log", config.housekeepingInterval(), () -> {
            outbox.requeueLapsed();
            outbox.forgetSettled(config.mail().logKept());
        }));
        if (config.operations().backupDir() != null) {
            ScheduledBackups backups = running.add("scheduled backups", new ScheduledBackups(database, config.operations(), clock));
            backups.start(chores);
        }
    }

    /** The database, or one line naming the setting when its server cannot be reached. */
    static Database open(Config.Storage storage) {
        try {
            return new Database(storage.url(), storage.user(), storage.password());
        } catch (Database.Unreachable e) {
            throw new ConfigException("DATABASE_URL", "cannot connect: " + e.getMessage());
        }
    }

    public int port() {
        return server.port();
    }

    /** The path of every route answering the method, as registered ({@code /statements/{slug}/signatures}): for tests that try each. */
    public List<String> routes(io.javalin.http.HandlerType method) {
        return server.unsafe.internalRouter.allHttpHandlers().stream().map(e -> e.endpoint).filter(e -> e.method == method)
                .map(e -> e.path).toList();
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

    /**
     * In order: no new work (the chores stop), requests in flight finish, the relay ends its current
     * mail, the database closes; the reverse of the order {@link #startParts} registers them. Safe to
     * call twice, or after a failed start.
     */
    public void stop() {
        boolean clean = running.closeAll();
        server = null;
        if (started) log.info(clean ? "undersigned stopped cleanly" : "undersigned stopped; a part failed to close (logged above)");
        started = false;
    }

    /** New requests get a 503 while those in flight finish, so that none is cut off; then Jetty stops. */
    private void drainAndStopServer() {
        if (!inFlight.drain(STOP_GRACE)) log.warn("{} request(s) still running after {}; stopping anyway", inFlight.count(), STOP_GRACE);
        server.stop();
    }

    /**
     * A body declared too large gets the 413 page. A client that asked {@code Expect: 100-continue}
     * (curl does for big bodies) is refused before it sends any. One that sends at once, as browsers
     * do, has a body of up to {@link #DRAINED_AT_MOST} read and dropped first: closing on unread data
     * resets the connection, and the reset can destroy the page before the browser reads it.
     */
    private static void refuseDeclaredTooLarge(Context ctx) throws java.io.IOException {
        long declared = ctx.req().getContentLengthLong();
        long allowed = UPLOADS.matcher(ctx.path()).matches() ? SiteRoutes.MAX_REQUEST_BYTES
                : ImportRoutes.isUpload(ctx.path()) ? ImportRoutes.MAX_REQUEST_BYTES
                : MemberRoutes.UPLOAD.equals(ctx.path()) ? MemberRoutes.MAX_REQUEST_BYTES : MAX_REQUEST_BYTES;
        // a multipart body of unknown length would be spooled up to the largest upload's size; browsers always declare one
        String type = ctx.contentType();
        if (declared < 0 && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            throw new io.javalin.http.HttpResponseException(HttpStatus.LENGTH_REQUIRED.getCode(), "Length Required");
        }
        if (declared <= allowed) return;
        if (!"100-continue".equalsIgnoreCase(ctx.header("Expect")) && declared <= DRAINED_AT_MOST) {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
        throw new ContentTooLargeResponse();
    }
}
