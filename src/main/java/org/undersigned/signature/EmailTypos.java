package org.undersigned.signature;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A likely fix for a mistyped address at a big webmail provider ("jane@gmial.com": did you mean
 * jane@gmail.com?). Only a suggestion: the address as typed stays valid and is never changed
 * without the signer's click. A domain one edit (a letter missing, extra, wrong, or two swapped)
 * from a known one is suggested; two edits only for long names, where another real domain that
 * close is unlikely. Short names (gmx.com, me.com) are left alone: their neighbours are real domains.
 */
public final class EmailTypos {
    /** The big webmail domains of the platform's readers, most used first (the first of two equally close wins). */
    static final List<String> DOMAINS = List.of(
            "gmail.com", "googlemail.com", "hotmail.com", "hotmail.fr", "hotmail.es", "hotmail.co.uk", "outlook.com", "outlook.fr",
            "outlook.es", "live.com", "live.fr", "msn.com", "yahoo.com", "yahoo.fr", "yahoo.es", "yahoo.co.uk", "icloud.com",
            "me.com", "mail.com", "aol.com", "protonmail.com", "proton.me", "gmx.com", "gmx.de", "gmx.fr", "gmx.net", "web.de",
            "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net", "telenet.be", "skynet.be", "libero.it",
            "t-online.de", "ziggo.nl", "telefonica.net", "yandex.ru", "mail.ru", "posteo.de");
    private static final int SHORTEST = 8;
    private static final int LONG = 10;

    /** The address with its domain fixed, or empty when the domain is known or nothing known is close. */
    public Optional<String> suggest(String email) {
        if (email == null) return Optional.empty();
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) return Optional.empty();
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        if (DOMAINS.contains(domain)) return Optional.empty();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : DOMAINS) {
            if (known.length() < SHORTEST) continue;
            int allowed = known.length() >= LONG ? 2 : 1;
            int distance = distance(domain, known, allowed);
            if (distance <= allowed && distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best).map(known -> email.substring(0, at + 1) + known);
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one part); past {@code limit}, any larger number. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) return limit + 1;
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
