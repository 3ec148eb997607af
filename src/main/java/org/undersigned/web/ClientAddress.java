package org.undersigned.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.undersigned.ConfigException;

/**
 * Who is asking: the connection's address, or, when that is one of our trusted proxies, the
 * nearest address in X-Forwarded-For (all its lines, read from the right) that is not. From
 * anyone else the header is ignored, so a client cannot choose its own address.
 */
public final class ClientAddress {
    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) return false;
            int full = bits / 8;
            for (int i = 0; i < full; i++) if (address[i] != network[i]) return false;
            int rest = bits % 8;
            if (rest == 0) return true;
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    /** Headers some proxy adds on the way; besides these, every X-Forwarded-* header. */
    private static final List<String> RELAY_HEADERS = List.of("Forwarded", "Via", "X-Real-IP", "X-Client-IP", "True-Client-IP",
            "X-Cluster-Client-IP", "CF-Connecting-IP", "Fastly-Client-IP");
    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private final List<Range> trusted = new ArrayList<>();
    /** Keyed once; each hash works on a clone (a Mac is not thread-safe, and keying one costs more than cloning). */
    private final Mac keyed;

    public ClientAddress(List<String> trustedProxies, byte[] secret) {
        try {
            this.keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
        }
        for (String entry : trustedProxies) {
            String[] parts = entry.split("/", 2);
            byte[] network = literal(parts[0]);
            if (network == null) throw new ConfigException("TRUSTED_PROXIES", "holds '" + entry + "', which is not an IP address or CIDR range");
            int bits = network.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) throw new ConfigException("TRUSTED_PROXIES", "holds '" + entry + "', whose prefix length is wrong");
            }
            trusted.add(new Range(network, bits));
        }
    }

    public String of(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        if (!isTrusted(remote)) return remote;
        String forwarded = forwardedFor(ctx);
        if (forwarded == null) return remote;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop) == null) return remote;
            if (!isTrusted(hop)) return hop;
        }
        return remote;
    }

    /**
     * Every X-Forwarded-For line, in order, as one list: haproxy adds a line of its own after any
     * the client sent, so the first line alone would be the client's word.
     */
    private static String forwardedFor(Context ctx) {
        Enumeration<String> lines = ctx.req().getHeaders("X-Forwarded-For");
        if (lines == null || !lines.hasMoreElements()) return null;
        String first = lines.nextElement();
        if (!lines.hasMoreElements()) return first;
        StringJoiner all = new StringJoiner(",").add(first);
        while (lines.hasMoreElements()) all.add(lines.nextElement());
        return all.toString();
    }

    /**
     * Whether the request came straight from a process on this machine, nothing relayed: a proxy on
     * the same machine also connects from loopback, and marks what it passes on with a header of its own.
     */
    public static boolean fromThisMachine(Context ctx) {
        Enumeration<String> names = ctx.req().getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.regionMatches(true, 0, "X-Forwarded-", 0, 12)) return false;
            if (RELAY_HEADERS.stream().anyMatch(name::equalsIgnoreCase)) return false;
        }
        byte[] remote = literal(ctx.req().getRemoteAddr());
        try {
            return remote != null && InetAddress.getByAddress(remote).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A keyed hash of the client's address: lets us count a client's sign-ons without keeping its address. */
    public String hashOf(Context ctx) {
        try {
            Mac mac = (Mac) keyed.clone();
            return HexFormat.of().formatHex(mac.doFinal(of(ctx).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the address is one of TRUSTED_PROXIES, whose connections carry many clients. */
    public boolean isTrustedProxy(String address) {
        return isTrusted(address);
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
    }

    /** The address's bytes if it is an IP literal; never a DNS lookup. */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) return null;
        boolean v4 = V4.matcher(text).matches();
        boolean v6 = !v4 && text.indexOf(':') >= 0 && V6.matcher(text).matches();
        if (!v4 && !v6) return null;
        if (v4) {
            for (String part : text.split("\\.")) if (Integer.parseInt(part) > 255) return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
