package org.undersigned.coordinator;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * bcrypt with long passwords pre-hashed (bcrypt reads only 72 bytes), and the rules a new password
 * must meet: 12 to 128 characters, not one of the most common passwords. The cost (a power of two
 * of rounds) is the configuration's: 12 in production; a hash keeps the cost it was made with, so
 * changing it affects only new passwords.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** bcrypt's own bounds; the configuration asks for at least 10 outside tests. */
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;
    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    private final Set<String> common = loadCommon();
    // checked when an account does not exist, so that answering takes as long as for one that does
    private final String decoy;

    public Passwords(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) throw new IllegalArgumentException("bcrypt cost must be 4 to 31, was " + cost);
        this.cost = cost;
        this.decoy = hash("decoy password that matches nothing");
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            verifyer.verify(password.toCharArray(), decoy);
            return false;
        }
        return verifyer.verify(password.toCharArray(), hash).verified;
    }

    /** The message key of what is wrong with a new password, if anything. */
    public Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) return Optional.of("error.password.required");
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) return Optional.of("error.password.too_short");
        if (length > MAX_LENGTH) return Optional.of("error.password.too_long");
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.chars().distinct().count() <= 3) return Optional.of("error.password.common");
        return Optional.empty();
    }

    private static Set<String> loadCommon() {
        try (InputStream in = Passwords.class.getClassLoader().getResourceAsStream("common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
