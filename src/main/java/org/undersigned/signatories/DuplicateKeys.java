package org.undersigned.signatories;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.undersigned.text.LookAlikes;

/**
 * What two signatures of one organisation have in common, as keys compared for equality: the name
 * folded (case, accents and punctuation gone: "Platform for Migrant-Rights, Brussels" and
 * "platform for migrant rights brussels" fold alike), and the domain of the website and of the
 * contact's address, in one namespace, since an organisation's site and mail share it. Domains
 * that unrelated organisations share (webmail, social networks) are no evidence and give no key,
 * nor do the names reserved for examples (example.org, *.test: RFC 2606), which demos and tests use.
 */
final class DuplicateKeys {
    /** Mail providers anyone can have an address at; with any top-level domain (hotmail.fr, yahoo.co.uk, gmx.de). */
    private static final Set<String> WEBMAIL_NAMES = Set.of("gmail", "googlemail", "outlook", "hotmail", "live", "msn", "yahoo", "ymail",
            "aol", "icloud", "me", "mac", "proton", "protonmail", "pm", "gmx", "web", "orange", "wanadoo", "free", "laposte", "sfr",
            "neuf", "bbox", "libero", "virgilio", "alice", "tiscali", "mail", "yandex", "zoho", "tutanota", "tuta", "posteo",
            "mailbox", "riseup", "qq", "163", "126", "seznam", "wp", "o2", "interia", "t-online", "freenet", "telenet", "skynet",
            "btinternet", "sky", "comcast", "verizon", "att", "rocketmail", "fastmail", "hushmail", "disroot", "terra", "uol", "bol");
    /** Sites where unrelated organisations have pages: the page's path, not the domain, tells them apart. */
    private static final Set<String> SHARED_SITES = Set.of("facebook.com", "fb.com", "m.facebook.com", "instagram.com", "twitter.com",
            "x.com", "linkedin.com", "youtube.com", "tiktok.com", "linktr.ee", "bsky.app", "mastodon.social", "t.me", "wa.me",
            "medium.com", "substack.com", "google.com", "sites.google.com", "docs.google.com", "github.com", "vk.com", "threads.net");

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern RESERVED = Pattern.compile("example\\.(com|org|net)|.*\\.(example|test|invalid|localhost)");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,6}|(co|com|net|org)\\.[a-z]{2}");

    private DuplicateKeys() {}

    /**
     * The name with case, accents, spaces and punctuation folded away, and letters of other
     * alphabets that look like Latin ones read as those (a Cyrillic "а" in a Latin name is a
     * duplicate's disguise); empty when nothing is left.
     */
    static String name(String name) {
        if (name == null) return "";
        String decomposed = Normalizer.normalize(LookAlikes.skeleton(name.toLowerCase(Locale.ROOT)), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString().replace("ß", "ss");
    }

    /** The website's host without "www.", or empty for none or a shared site. */
    static String website(String website) {
        if (website == null || website.isBlank()) return "";
        String host = SCHEME.matcher(website.trim().toLowerCase(Locale.ROOT)).replaceFirst("");
        int end = host.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int at = host.indexOf(stop);
            if (at >= 0) end = Math.min(end, at);
        }
        host = trimDots(host.substring(0, end).replaceFirst("^[^@]*@", ""));
        if (host.startsWith("www.")) host = host.substring(4);
        host = ascii(host);
        return host.indexOf('.') < 0 || SHARED_SITES.contains(host) || reserved(host) ? "" : host;
    }

    /** The address's domain, or empty for none or a webmail provider's. */
    static String emailDomain(String email) {
        if (email == null) return "";
        int at = email.lastIndexOf('@');
        if (at < 0) return "";
        String domain = ascii(trimDots(email.substring(at + 1).trim().toLowerCase(Locale.ROOT)));
        return domain.indexOf('.') < 0 || webmail(domain) || reserved(domain) ? "" : domain;
    }

    /** The address's domain as written, webmail and reserved names included; empty without one. */
    static String mailHost(String email) {
        if (email == null) return "";
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : ascii(trimDots(email.substring(at + 1).trim().toLowerCase(Locale.ROOT)));
    }

    /** The part of a host one registers: the last two labels, three under a second-level suffix (rivers.co.uk). */
    static String registrable(String host) {
        String[] labels = host.split("\\.");
        int keep = labels.length >= 3 && TOP_LEVEL.matcher(labels[labels.length - 2] + "." + labels[labels.length - 1]).matches() ? 3 : 2;
        if (labels.length <= keep) return host;
        return String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length));
    }

    private static boolean reserved(String domain) {
        return RESERVED.matcher(domain).matches();
    }

    /** A provider's name followed by a top-level domain alone (gmx.de) or with a second level (yahoo.co.uk, uol.com.br). */
    private static boolean webmail(String domain) {
        int dot = domain.indexOf('.');
        String rest = domain.substring(dot + 1);
        boolean topLevel = TOP_LEVEL.matcher(rest).matches();
        return topLevel && WEBMAIL_NAMES.contains(domain.substring(0, dot));
    }

    private static String trimDots(String host) {
        return host.replaceAll("^\\.+|\\.+$", "");
    }

    /** Unicode domains as their ASCII form, so both spellings of one domain meet. */
    private static String ascii(String host) {
        if (host.chars().allMatch(c -> c < 0x80)) return host;
        try {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return host;
        }
    }
}
