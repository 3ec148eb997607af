package org.undersigned;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the application is told from outside. Only {@link Main} reads the environment;
 * tests build this record directly.
 */
public record Config(
        int port,
        String baseUrl,
        String databaseUrl,
        Smtp smtp,
        String mailFrom,
        Path mailDir,
        Duration mailRetryBase,
        Duration confirmLinkValidity,
        Duration reminderAfter,
        Duration pendingPurgeAfter,
        Duration housekeepingInterval,
        String adminEmail,
        String adminPassword,
        Boolean demoData,
        List<String> trustedProxies,
        RateLimits rateLimits,
        Duration anonymiseAfterClosing,
        Duration mailLogKept,
        Operations operations,
        int passwordHashCost) {

    /** bcrypt's cost for coordinators' passwords unless PASSWORD_HASH_COST says otherwise. */
    public static final int PASSWORD_HASH_COST = 12;

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
     * as suspect; and how many in an hour from one address, email domain or organisation name make
     * the coordinators an alert.
     */
    public record RateLimits(int perMinute, int perHour, int alertPerHour) {
        public RateLimits(int perMinute, int perHour) {
            this(perMinute, perHour, 20);
        }
    }

    public Config withBaseUrl(String newBaseUrl) {
        return new Config(port, newBaseUrl, databaseUrl, smtp, mailFrom, mailDir, mailRetryBase, confirmLinkValidity,
                reminderAfter, pendingPurgeAfter, housekeepingInterval, adminEmail, adminPassword, demoData, trustedProxies, rateLimits, anonymiseAfterClosing, mailLogKept, operations, passwordHashCost);
    }

    public Config withRateLimits(RateLimits limits) {
        return new Config(port, baseUrl, databaseUrl, smtp, mailFrom, mailDir, mailRetryBase, confirmLinkValidity,
                reminderAfter, pendingPurgeAfter, housekeepingInterval, adminEmail, adminPassword, demoData, trustedProxies, limits, anonymiseAfterClosing, mailLogKept, operations, passwordHashCost);
    }

    public Config withOperations(Operations newOperations) {
        return new Config(port, baseUrl, databaseUrl, smtp, mailFrom, mailDir, mailRetryBase, confirmLinkValidity,
                reminderAfter, pendingPurgeAfter, housekeepingInterval, adminEmail, adminPassword, demoData, trustedProxies, rateLimits,
                anonymiseAfterClosing, mailLogKept, newOperations, passwordHashCost);
    }

    public enum Transport { PLAIN, STARTTLS, SMTPS }

    /** SMTP relay settings; absent means mail is written to {@link #mailDir} as .eml files. */
    public record Smtp(String host, int port, String username, String password, Transport transport) {}

    public boolean httpsOnly() {
        return baseUrl.startsWith("https://");
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
        if (!databaseUrl.startsWith("jdbc:sqlite:")) {
            throw new ConfigException("DATABASE_URL", "only jdbc:sqlite: URLs are supported so far");
        }
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
        int anonymiseAfterDays = v.integer("ANONYMISE_AFTER_DAYS", 180, 1, 36_500);
        int mailLogDays = v.integer("MAIL_LOG_DAYS", 30, 1, 3650);
        if (mailLogDays > anonymiseAfterDays) {
            throw new ConfigException("MAIL_LOG_DAYS", "(" + mailLogDays + ") must not exceed ANONYMISE_AFTER_DAYS (" + anonymiseAfterDays
                    + "): the mail log keeps each recipient's address, which would outlive the supporter's anonymisation");
        }
        return new Config(
                port, baseUrl, databaseUrl, smtp, mailFrom,
                Path.of(v.string("MAIL_DIR", "data/mail")),
                Duration.ofSeconds(v.integer("MAIL_RETRY_BASE_SECONDS", 30, 1, 86_400)),
                Duration.ofDays(v.integer("CONFIRM_LINK_DAYS", 30, 1, 3650)),
                Duration.ofHours(v.integer("REMINDER_AFTER_HOURS", 48, 1, 24 * 365)),
                Duration.ofDays(v.integer("PENDING_PURGE_DAYS", 60, 1, 3650)),
                Duration.ofSeconds(v.integer("HOUSEKEEPING_SECONDS", 60, 1, 86_400)),
                v.string("ADMIN_EMAIL", null), v.string("ADMIN_PASSWORD", null),
                v.bool("DEMO_DATA"),
                v.list("TRUSTED_PROXIES"),
                new RateLimits(v.integer("RATE_LIMIT_PER_MINUTE", 5, 1, 100_000), v.integer("RATE_LIMIT_PER_HOUR", 30, 1, 1_000_000),
                        v.integer("ALERT_PER_HOUR", 20, 2, 1_000_000)),
                Duration.ofDays(anonymiseAfterDays),
                Duration.ofDays(mailLogDays),
                operations(v),
                // at least 10: below that a stolen database gives up its passwords quickly (tests build lower ones directly);
                // at most 18, where one login already takes several seconds of a core
                v.integer("PASSWORD_HASH_COST", PASSWORD_HASH_COST, 10, 18));
    }

    private static Operations operations(Values v) {
        String token = v.string("METRICS_TOKEN", null);
        if (token != null && token.length() < 16) throw new ConfigException("METRICS_TOKEN", "must be at least 16 characters");
        String dir = v.string("BACKUP_DIR", null);
        return new Operations(token, dir == null ? null : Path.of(dir),
                Duration.ofHours(v.integer("BACKUP_INTERVAL_HOURS", 24, 1, 24 * 365)), v.integer("BACKUP_KEEP", 7, 1, 10_000));
    }

    private record Values(Map<String, String> map) {
        String string(String key, String fallback) {
            String value = map.get(key);
            return value == null || value.isBlank() ? fallback : value.trim();
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
