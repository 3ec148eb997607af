package org.undersigned.web;

import io.javalin.http.Context;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.undersigned.ConfigException;

/**
 * Who is asking: the connection's address, or, when that is one of our trusted proxies, the
 * nearest address in X-Forwarded-For that is not. From anyone else the header is ignored, so a
 * client cannot choose its own address.
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

    private final List<Range> trusted = new ArrayList<>();
    private final byte[] secret;

    public ClientAddress(List<String> trustedProxies, byte[] secret) {
        this.secret = secret.clone();
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
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null) return remote;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop) == null) return remote;
            if (!isTrusted(hop)) return hop;
        }
        return remote;
    }

    /** A keyed hash of the client's address: lets us count a client's sign-ons without keeping its address. */
    public String hashOf(Context ctx) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(of(ctx).getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 32);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
    }

    /** The address's bytes if it is an IP literal; never a DNS lookup. */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) return null;
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.matches("[0-9A-Fa-f:.]+") && text.contains(":");
        if (!v4 && !v6) return null;
        if (v4 && java.util.Arrays.stream(text.split("\\.")).anyMatch(p -> new BigInteger(p).intValue() > 255)) return null;
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
