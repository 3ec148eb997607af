package org.undersigned.coordinator;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.undersigned.audit.Audit;
import org.undersigned.db.Database;
import org.undersigned.tokens.Tokens;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the second factor a
 * coordinator may add and an admin may require of everyone. A code is accepted one step either side
 * of now (clocks drift), and only for a step later than the last one accepted, so a code seen over a
 * shoulder cannot be used again. Ten recovery codes, stored hashed, each work once.
 */
final class SecondFactor {
    static final String REQUIRED_SETTING = "coordinators.require_second_factor";
    static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
    private final SecureRandom random = new SecureRandom();
    private final Database database;
    private final Audit audit;
    private final Clock clock;
    private final String issuer;

    /** Enrolment under way: the secret to type or scan, its otpauth:// address, and that address as a QR code (SVG). */
    record Enrolment(String secret, String uri, String qrSvg) {}

    /** How a code at login was taken: as a time-based code, as a recovery code, or not at all. */
    enum Check { CODE, RECOVERY_CODE, REFUSED }

    SecondFactor(Database database, Audit audit, Clock clock, String issuer) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** Whether everyone must have a second factor (an admin's choice). */
    boolean required() {
        return database.reads().withHandle(h -> h.createQuery("SELECT value FROM settings WHERE name = :n")
                .bind("n", REQUIRED_SETTING).mapTo(String.class).findOne()).map("true"::equals).orElse(false);
    }

    void require(Coordinator admin, boolean required) {
        database.writer().run(h -> {
            h.execute("DELETE FROM settings WHERE name = ?", REQUIRED_SETTING);
            if (required) h.execute("INSERT INTO settings (name, value) VALUES (?, 'true')", REQUIRED_SETTING);
            audit.record(h, admin.id(), admin.email(), required ? "require_second_factor" : "unrequire_second_factor", "", "");
        });
    }

    boolean enabled(long coordinatorId) {
        return database.reads().withExtension(CoordinatorDao.class, dao -> dao.hasSecondFactor(coordinatorId));
    }

    /** Whether this coordinator must enrol before anything else. */
    boolean missing(long coordinatorId) {
        return required() && !enabled(coordinatorId);
    }

    /** A secret being enrolled: the one already offered (a reload shows the same), or a new one. */
    Enrolment enrolment(Coordinator me) {
        String secret = database.writer().write(h -> {
            Optional<String> pending = h.createQuery("SELECT totp_pending FROM coordinators WHERE id = :id")
                    .bind("id", me.id()).mapTo(String.class).findOne();
            if (pending.isPresent()) return pending.get();
            String fresh = base32(randomBytes(20));
            h.execute("UPDATE coordinators SET totp_pending = ? WHERE id = ?", fresh, me.id());
            return fresh;
        });
        String label = URLEncoder.encode(issuer + ":" + me.email(), StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20") + "&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(secret, uri, QrSvg.of(uri));
    }

    /**
     * The first code proves the authenticator holds the pending secret: it becomes the secret in use,
     * and the ten recovery codes are returned, to be shown once. Empty if the code is wrong.
     */
    Optional<List<String>> confirm(Coordinator me, String code) {
        return database.writer().write(h -> {
            Optional<String> pending = h.createQuery("SELECT totp_pending FROM coordinators WHERE id = :id")
                    .bind("id", me.id()).mapTo(String.class).findOne();
            if (pending.isEmpty()) return Optional.<List<String>>empty();
            OptionalLong step = matchingStep(pending.get(), code);
            if (step.isEmpty()) return Optional.<List<String>>empty();
            h.execute("UPDATE coordinators SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ? WHERE id = ?",
                    step.getAsLong(), me.id());
            List<String> codes = newRecoveryCodes(h, me.id());
            audit.record(h, me.id(), me.email(), "second_factor_on", me.email(), "", me.id());
            return Optional.of(codes);
        });
    }

    void disable(Coordinator me) {
        database.writer().run(h -> {
            h.execute("UPDATE coordinators SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL WHERE id = ?", me.id());
            h.execute("DELETE FROM recovery_codes WHERE coordinator_id = ?", me.id());
            audit.record(h, me.id(), me.email(), "second_factor_off", me.email(), "", me.id());
        });
    }

    /** A code at login: a time-based one for a later step than any accepted before, or an unused recovery code. */
    Check check(Handle h, Coordinator me, String given) {
        String code = given == null ? "" : given.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.matches("[0-9]{6}")) {
            Optional<String> secret = h.createQuery("SELECT totp_secret FROM coordinators WHERE id = :id")
                    .bind("id", me.id()).mapTo(String.class).findOne();
            if (secret.isEmpty()) return Check.REFUSED;
            OptionalLong step = matchingStep(secret.get(), code);
            // the step only moves forward, in one statement: the same code twice, even at once, passes once
            if (step.isPresent() && h.execute("""
                    UPDATE coordinators SET totp_last_step = ?
                    WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""", step.getAsLong(), me.id(), step.getAsLong()) == 1) {
                return Check.CODE;
            }
            return Check.REFUSED;
        }
        // a recovery code holds no 0, 1 or 8: read as the letters they are mistaken for
        code = code.replace('0', 'O').replace('1', 'I').replace('8', 'B');
        if (code.matches("[A-Z2-7]{10}")) {
            int used = h.execute("UPDATE recovery_codes SET used_at = ? WHERE coordinator_id = ? AND code_hash = ? AND used_at IS NULL",
                    clock.millis(), me.id(), Tokens.hash(code));
            return used == 1 ? Check.RECOVERY_CODE : Check.REFUSED;
        }
        return Check.REFUSED;
    }

    long recoveryCodesLeft(long coordinatorId) {
        return database.reads().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM recovery_codes WHERE coordinator_id = :id AND used_at IS NULL")
                .bind("id", coordinatorId).mapTo(Long.class).one());
    }

    /** The code an authenticator shows now for this secret (tests, and nothing else, need it). */
    String codeNow(String secret) {
        return code(secret, clock.instant());
    }

    private OptionalLong matchingStep(String secret, String code) {
        if (code == null || !code.matches("[0-9]{6}")) return OptionalLong.empty();
        long stepMillis = totp.getTimeStep().toMillis();
        long now = clock.millis() / stepMillis;
        for (long step = now - 1; step <= now + 1; step++) {
            if (java.security.MessageDigest.isEqual(code(secret, Instant.ofEpochMilli(step * stepMillis)).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private String code(String secret, Instant at) {
        try {
            return totp.generateOneTimePasswordString(new SecretKeySpec(unbase32(secret), "HmacSHA1"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> newRecoveryCodes(Handle h, long coordinatorId) {
        h.execute("DELETE FROM recovery_codes WHERE coordinator_id = ?", coordinatorId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = base32(randomBytes(7)).substring(0, 10); // 50 random bits, typed by hand at most once
            h.execute("INSERT INTO recovery_codes (coordinator_id, code_hash) VALUES (?, ?)", coordinatorId, Tokens.hash(code));
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }

    static byte[] unbase32(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | ALPHABET.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
