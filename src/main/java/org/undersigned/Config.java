package org.undersigned;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.db.Dialect;

/**
 * Everything the application is told from outside, grouped by concern. Only {@link Main} reads the
 * environment ({@link #parse}); tests start from {@link #builder()} and set what they need.
 *
 * @param storage the database: SQLite (the default) or PostgreSQL
 * @param demoData whether to seed the demo petitions; null: only into a database created by this start
 * @param housekeepingInterval how often the chores run (reminders, purges, digests, alerts, the mail log)
 */
public record Config(
        Web web,
        Storage storage,
        Boolean demoData,
        Mail mail,
        Signatures signatures,
        RateLimits rateLimits,
        Duration housekeepingInterval,
        FirstAdmin firstAdmin,
        Operations operations,
        int passwordHashCost,
        Integrations integrations) {

    /**
     * A {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL, with the user and password for the
     * latter when they are not in the URL (null otherwise).
     */
    public record Storage(String url, String user, String password) {
        @Override
        public String toString() {
            return "Storage[" + url + ", user=" + user + "]";
        }
    }

    public String databaseUrl() {
        return storage.url();
    }

    /** Connections one address may hold at once unless CONNECTIONS_PER_CLIENT says otherwise: an office behind one address fits. */
    public static final int CONNECTIONS_PER_CLIENT = 100;
    /** A request, headers and body (64 KB at most), arrives whole within this of its first byte: 2 KB/s. */
    public static final Duration REQUEST_DEADLINE = Duration.ofSeconds(30);

    /** bcrypt's cost for coordinators' passwords unless PASSWORD_HASH_COST says otherwise. */
    public static final int PASSWORD_HASH_COST = 12;

    /**
     * Where the server listens and how it is reached: the public base URL (links in mail, cookies'
     * Secure flag) and the proxies whose X-Forwarded-For is believed; how many connections one
     * address may hold at once, and how long a request may take to arrive whole; the organisation's
     * name (SITE_NAME) until the settings page sets one.
     */
    public record Web(int port, String baseUrl, List<String> trustedProxies, int connectionsPerClient, Duration requestDeadline,
                      String siteName) {
        public boolean httpsOnly() {
            return baseUrl.startsWith("https://");
        }
    }

    /**
     * How mail leaves: over SMTP, or into {@code dir} as .eml files when {@code smtp} is null; how
     * soon a failed send is tried again; how long sent and failed mails stay in the log; how long
     * an instance may take to send a mail it claimed before another instance sends it instead; the
     * sender's display name ({@code fromName}, null: the site's name as the settings page sets it),
     * which mails' footers also name as who runs the petitions.
     */
    public record Mail(Smtp smtp, String from, Path dir, Duration retryBase, Duration logKept, Duration claimLease, String fromName) {}

    /** The organisation's name while neither SITE_NAME nor the settings page names one. */
    public static final String DEFAULT_SITE_NAME = "undersigned";

    /**
     * How long a signer's confirmation link works, when an unconfirmed signer is reminded and then
     * forgotten, and how long after a petition closes its supporters are anonymised.
     */
    public record Signatures(Duration confirmLinkValidity, Duration reminderAfter, Duration pendingPurgeAfter,
                             Duration anonymiseAfterClosing) {}

    /** The coordinator created at start while there is none; both null: none is created. */
    public record FirstAdmin(String email, String password) {}

    /**
     * What other tools may be reached: webhook endpoints on loopback or private addresses only
     * where an operator allows them (tests, a CRM on the intranet), else no server-side request forgery.
     */
    public record Integrations(boolean webhooksAllowPrivate) {}

    /**
     * How the server is watched and kept: the bearer token for /metrics (null: only direct local
     * requests may read it), and scheduled backups (null folder: none).
     */
    public record Operations(String metricsToken, Path backupDir, Duration backupInterval, int backupKeep) {
        public static final Operations NONE = new Operations(null, null, Duration.ofHours(24), 7);

        public Operations withMetricsToken(String token) {
            return new Operations(token, backupDir, backupInterval, backupKeep);
        }
    }

    /**
     * How many sign-ons one client address may make on one petition before the rest are kept aside
     * as suspect; how many in an hour from one address, email domain or organisation name make
     * the coordinators an alert; and the large webmail domains, shared by countless unrelated people,
     * that never make a domain alert ({@code hotmail.*}: any domain whose first label is hotmail).
     * Beyond the {@code ceiling} (sign-ons of one client on one petition in an hour, held ones and
     * repeats included), or once a petition holds {@code heldPerPetition} held sign-ons of the hour,
     * a sign-on is not stored at all, so that a flood cannot fill the disk.
     */
    public record RateLimits(int perMinute, int perHour, int alertPerHour, List<String> webmailDomains, int ceiling, int heldPerPetition) {
        /** WEBMAIL_DOMAINS unless set: the largest webmail providers in the networks' countries. */
        public static final List<String> WEBMAIL_DOMAINS = List.of("gmail.com", "googlemail.com", "outlook.*", "hotmail.*", "live.*",
                "msn.com", "yahoo.*", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.*", "web.de", "t-online.de",
                "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "libero.it", "proton.me", "protonmail.com", "pm.me",
                "tutanota.com", "mail.com", "yandex.*", "zoho.com", "telenet.be", "skynet.be");
        /** RATE_LIMIT_CEILING and RATE_LIMIT_HELD_PER_PETITION unless set. */
        public static final int CEILING = 200;
        public static final int HELD_PER_PETITION = 2_000;

        public RateLimits(int perMinute, int perHour, int alertPerHour, List<String> webmailDomains) {
            this(perMinute, perHour, alertPerHour, webmailDomains, Math.max(CEILING, perHour), HELD_PER_PETITION);
        }

        public RateLimits(int perMinute, int perHour, int alertPerHour) {
            this(perMinute, perHour, alertPerHour, WEBMAIL_DOMAINS);
        }

        public RateLimits(int perMinute, int perHour) {
            this(perMinute, perHour, 20);
        }

        /** The same limits with another ceiling per client and bound of held sign-ons per petition (both an hour). */
        public RateLimits withCeilings(int ceiling, int heldPerPetition) {
            return new RateLimits(perMinute, perHour, alertPerHour, webmailDomains, ceiling, heldPerPetition);
        }

        /** Whether addresses at this domain are a webmail's, that many strangers share. */
        public boolean webmail(String domain) {
            String d = domain.toLowerCase(Locale.ROOT);
            for (String pattern : webmailDomains) {
                if (pattern.endsWith(".*") ? d.startsWith(pattern.substring(0, pattern.length() - 1)) : d.equals(pattern)) return true;
            }
            return false;
        }
    }

    public enum Transport { PLAIN, STARTTLS, SMTPS }

    /** SMTP relay settings; absent means mail is written to {@link Mail#dir} as .eml files. */
    public record Smtp(String host, int port, String username, String password, Transport transport) {}

    /** The defaults of an empty environment, to change one setting at a time. */
    public static Builder builder() {
        return parse(Map.of()).toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads the configuration from upper-case keys (the environment's spelling).
     *
     * @throws ConfigException naming the key whose value is wrong
     */
    public static Config parse(Map<String, String> values) {
        var v = new Values(values);
        int port = v.integer("PORT", 7070, 0, 65535);
        String baseUrl = v.url("BASE_URL", "http://localhost:" + port);
        String databaseUrl = v.string("DATABASE_URL", "jdbc:sqlite:data/undersigned.db");
        if (!databaseUrl.startsWith("jdbc:sqlite:") && !databaseUrl.startsWith("jdbc:postgresql://")) {
            throw new ConfigException("DATABASE_URL", "must start with jdbc:sqlite: (a file) or jdbc:postgresql:// (a server)");
        }
        Storage storage = new Storage(databaseUrl, v.string("DATABASE_USER", null), v.string("DATABASE_PASSWORD", null));
        Smtp smtp = null;
        String host = v.string("SMTP_HOST", null);
        if (host != null) {
            Transport transport = v.choice("SMTP_TRANSPORT", Transport.STARTTLS, Transport.class);
            int defaultPort = switch (transport) {
                case PLAIN -> 25;
                case STARTTLS -> 587;
                case SMTPS -> 465;
            };
            smtp = new Smtp(host, v.integer("SMTP_PORT", defaultPort, 1, 65535),
                    v.string("SMTP_USERNAME", null), v.string("SMTP_PASSWORD", null), transport);
        }
        String mailFrom = v.string("MAIL_FROM", "undersigned@localhost");
        if (!mailFrom.matches("[^@\\s]+@[^@\\s]+")) {
            throw new ConfigException("MAIL_FROM", "is not an email address: " + mailFrom);
        }
        String mailFromName = v.displayName("MAIL_FROM_NAME", null);
        String siteName = v.displayName("SITE_NAME", DEFAULT_SITE_NAME);
        List<String> webmailDomains = v.list("WEBMAIL_DOMAINS");
        if (webmailDomains.isEmpty()) webmailDomains = RateLimits.WEBMAIL_DOMAINS;
        int anonymiseAfterDays = v.integer("ANONYMISE_AFTER_DAYS", 180, 1, 36_500);
        int mailLogDays = v.integer("MAIL_LOG_DAYS", 30, 1, 3650);
        if (mailLogDays > anonymiseAfterDays) {
            throw new ConfigException("MAIL_LOG_DAYS", "(" + mailLogDays + ") must not exceed ANONYMISE_AFTER_DAYS (" + anonymiseAfterDays
                    + "): the mail log keeps each recipient's address, which would outlive the supporter's anonymisation");
        }
        // read in this order so that, of several wrong values, the same one is reported first as always
        Path mailDir = Path.of(v.string("MAIL_DIR", "data/mail"));
        Duration mailRetryBase = Duration.ofSeconds(v.integer("MAIL_RETRY_BASE_SECONDS", 30, 1, 86_400));
        Duration confirmLinkValidity = Duration.ofDays(v.integer("CONFIRM_LINK_DAYS", 30, 1, 3650));
        Duration reminderAfter = Duration.ofHours(v.integer("REMINDER_AFTER_HOURS", 48, 1, 24 * 365));
        Duration pendingPurgeAfter = Duration.ofDays(v.integer("PENDING_PURGE_DAYS", 60, 1, 3650));
        Duration housekeepingInterval = Duration.ofSeconds(v.integer("HOUSEKEEPING_SECONDS", 60, 1, 86_400));
        FirstAdmin firstAdmin = new FirstAdmin(v.string("ADMIN_EMAIL", null), v.string("ADMIN_PASSWORD", null));
        Boolean demoData = v.bool("DEMO_DATA");
        List<String> trustedProxies = v.list("TRUSTED_PROXIES");
        int connectionsPerClient = v.integer("CONNECTIONS_PER_CLIENT", CONNECTIONS_PER_CLIENT, 4, 100_000);
        int perHour = v.integer("RATE_LIMIT_PER_HOUR", 30, 1, 1_000_000);
        int ceiling = v.integer("RATE_LIMIT_CEILING", Math.max(RateLimits.CEILING, perHour), 1, 10_000_000);
        if (ceiling < perHour) {
            throw new ConfigException("RATE_LIMIT_CEILING", "(" + ceiling + ") must be at least RATE_LIMIT_PER_HOUR (" + perHour + ")");
        }
        RateLimits rateLimits = new RateLimits(v.integer("RATE_LIMIT_PER_MINUTE", 5, 1, 100_000), perHour,
                v.integer("ALERT_PER_HOUR", 20, 2, 1_000_000), webmailDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList(),
                ceiling, v.integer("RATE_LIMIT_HELD_PER_PETITION", RateLimits.HELD_PER_PETITION, 1, 100_000_000));
        return new Config(
                new Web(port, baseUrl, trustedProxies, connectionsPerClient, REQUEST_DEADLINE, siteName),
                storage,
                demoData,
                new Mail(smtp, mailFrom, mailDir, mailRetryBase, Duration.ofDays(mailLogDays),
                        Duration.ofSeconds(v.integer("MAIL_CLAIM_SECONDS", 300, 5, 86_400)), mailFromName),
                new Signatures(confirmLinkValidity, reminderAfter, pendingPurgeAfter, Duration.ofDays(anonymiseAfterDays)),
                rateLimits,
                housekeepingInterval,
                firstAdmin,
                operations(v, storage),
                // at least 10: below that a stolen database gives up its passwords quickly (tests build lower ones directly);
                // at most 18, where one login already takes several seconds of a core
                v.integer("PASSWORD_HASH_COST", PASSWORD_HASH_COST, 10, 18),
                new Integrations(Boolean.TRUE.equals(v.bool("WEBHOOKS_ALLOW_PRIVATE"))));
    }

    private static Operations operations(Values v, Storage storage) {
        String token = v.string("METRICS_TOKEN", null);
        if (token != null && token.length() < 16) throw new ConfigException("METRICS_TOKEN", "must be at least 16 characters");
        String dir = v.string("BACKUP_DIR", null);
        if (dir != null && Dialect.of(storage.url()) == Dialect.POSTGRESQL) {
            throw new ConfigException("BACKUP_DIR", "scheduled backups copy a SQLite file; back PostgreSQL up with pg_dump or its host's backups");
        }
        return new Operations(token, dir == null ? null : Path.of(dir),
                Duration.ofHours(v.integer("BACKUP_INTERVAL_HOURS", 24, 1, 24 * 365)), v.integer("BACKUP_KEEP", 7, 1, 10_000));
    }

    /**
     * A config with some settings changed, for tests and tools; parse() stays the only reader of
     * the environment. Values are not checked here: a test may set what an operator could not.
     */
    public static final class Builder {
        private int port;
        private String baseUrl;
        private List<String> trustedProxies;
        private int connectionsPerClient;
        private Duration requestDeadline;
        private String siteName;
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private Boolean demoData;
        private Smtp smtp;
        private String mailFrom;
        private Path mailDir;
        private Duration mailRetryBase;
        private Duration mailLogKept;
        private Duration mailClaimLease;
        private String mailFromName;
        private Duration confirmLinkValidity;
        private Duration reminderAfter;
        private Duration pendingPurgeAfter;
        private Duration anonymiseAfterClosing;
        private RateLimits rateLimits;
        private Duration housekeepingInterval;
        private FirstAdmin firstAdmin;
        private Operations operations;
        private int passwordHashCost;
        private Integrations integrations;

        private Builder(Config from) {
            port = from.web.port();
            baseUrl = from.web.baseUrl();
            trustedProxies = from.web.trustedProxies();
            connectionsPerClient = from.web.connectionsPerClient();
            requestDeadline = from.web.requestDeadline();
            siteName = from.web.siteName();
            databaseUrl = from.storage.url();
            databaseUser = from.storage.user();
            databasePassword = from.storage.password();
            demoData = from.demoData;
            smtp = from.mail.smtp();
            mailFrom = from.mail.from();
            mailDir = from.mail.dir();
            mailRetryBase = from.mail.retryBase();
            mailLogKept = from.mail.logKept();
            mailClaimLease = from.mail.claimLease();
            mailFromName = from.mail.fromName();
            confirmLinkValidity = from.signatures.confirmLinkValidity();
            reminderAfter = from.signatures.reminderAfter();
            pendingPurgeAfter = from.signatures.pendingPurgeAfter();
            anonymiseAfterClosing = from.signatures.anonymiseAfterClosing();
            rateLimits = from.rateLimits;
            housekeepingInterval = from.housekeepingInterval;
            firstAdmin = from.firstAdmin;
            operations = from.operations;
            passwordHashCost = from.passwordHashCost;
            integrations = from.integrations;
        }

        /** The port alone; the base URL keeps its value (set both for a server on another port). */
        public Builder port(int value) { port = value; return this; }
        public Builder baseUrl(String value) { baseUrl = value; return this; }
        public Builder trustedProxies(List<String> value) { trustedProxies = value; return this; }
        public Builder connectionsPerClient(int value) { connectionsPerClient = value; return this; }
        public Builder requestDeadline(Duration value) { requestDeadline = value; return this; }
        public Builder siteName(String value) { siteName = value; return this; }
        public Builder databaseUrl(String value) { databaseUrl = value; return this; }
        public Builder databaseLogin(String user, String password) { databaseUser = user; databasePassword = password; return this; }
        public Builder demoData(Boolean value) { demoData = value; return this; }
        /** Null: mail goes to {@link #mailDir} as .eml files. */
        public Builder smtp(Smtp value) { smtp = value; return this; }
        public Builder mailFrom(String value) { mailFrom = value; return this; }
        public Builder mailFromName(String value) { mailFromName = value; return this; }
        public Builder mailDir(Path value) { mailDir = value; return this; }
        public Builder mailRetryBase(Duration value) { mailRetryBase = value; return this; }
        public Builder mailLogKept(Duration value) { mailLogKept = value; return this; }
        public Builder mailClaimLease(Duration value) { mailClaimLease = value; return this; }
        public Builder confirmLinkValidity(Duration value) { confirmLinkValidity = value; return this; }
        public Builder reminderAfter(Duration value) { reminderAfter = value; return this; }
        public Builder pendingPurgeAfter(Duration value) { pendingPurgeAfter = value; return this; }
        public Builder anonymiseAfterClosing(Duration value) { anonymiseAfterClosing = value; return this; }
        public Builder rateLimits(RateLimits value) { rateLimits = value; return this; }
        public Builder housekeepingInterval(Duration value) { housekeepingInterval = value; return this; }
        public Builder firstAdmin(String email, String password) { firstAdmin = new FirstAdmin(email, password); return this; }
        public Builder operations(Operations value) { operations = value; return this; }
        /** bcrypt's cost; tests use a low one, which no environment may set. */
        public Builder passwordHashCost(int value) { passwordHashCost = value; return this; }
        public Builder webhooksAllowPrivate(boolean value) { integrations = new Integrations(value); return this; }

        public Config build() {
            return new Config(new Web(port, baseUrl, trustedProxies, connectionsPerClient, requestDeadline, siteName), new Storage(databaseUrl, databaseUser, databasePassword), demoData,
                    new Mail(smtp, mailFrom, mailDir, mailRetryBase, mailLogKept, mailClaimLease, mailFromName),
                    new Signatures(confirmLinkValidity, reminderAfter, pendingPurgeAfter, anonymiseAfterClosing),
                    rateLimits, housekeepingInterval, firstAdmin, operations, passwordHashCost, integrations);
        }
    }

    private record Values(Map<String, String> map) {
        String string(String key, String fallback) {
            String value = map.get(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        /** A name shown to people and put in mails' From header: short, one line, no quotes or angle brackets. */
        String displayName(String key, String fallback) {
            String value = string(key, fallback);
            if (value != null && (value.length() > 100 || value.matches(".*[\\p{Cntrl}\"<>].*"))) {
                throw new ConfigException(key, "must be at most 100 characters, without quotes, angle brackets or line breaks");
            }
            return value;
        }

        int integer(String key, int fallback, int min, int max) {
            String value = string(key, null);
            if (value == null) return fallback;
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) throw new ConfigException(key, "must be between " + min + " and " + max + ", was " + value);
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "must be a whole number, was '" + value + "'");
            }
        }

        String url(String key, String fallback) {
            String value = string(key, fallback);
            try {
                URI uri = new URI(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new ConfigException(key, "must be an absolute http(s) URL, was '" + value + "'");
                }
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException(key, "is not a URL: '" + value + "'");
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }

        Boolean bool(String key) {
            String value = string(key, null);
            if (value == null) return null;
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new ConfigException(key, "must be true or false, was '" + value + "'");
            };
        }

        <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) {
            String value = string(key, null);
            if (value == null) return fallback;
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, "must be one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", was '" + value + "'");
            }
        }

        List<String> list(String key) {
            String value = string(key, null);
            if (value == null) return List.of();
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
