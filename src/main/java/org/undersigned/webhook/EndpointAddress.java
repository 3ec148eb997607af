package org.undersigned.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent: https, to a host whose every address is public. Loopback, private,
 * link-local (cloud metadata), carrier-grade NAT, multicast and reserved addresses are refused, so
 * that an endpoint cannot make the server reach inside its own network, unless the operator allows
 * them (WEBHOOKS_ALLOW_PRIVATE); plain http only to loopback, for tests. Checked when the endpoint
 * is registered and again before each delivery: the host may point elsewhere since. The check and
 * the connection resolve through the same JVM address cache, so a name cannot change between them.
 */
final class EndpointAddress {
    static final int MAX_LENGTH = 2000;
    private final boolean allowPrivate;

    EndpointAddress(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the address cannot be used (a message key), or empty when it can. */
    Optional<String> problem(String url) {
        if (url == null || url.isBlank()) return Optional.of("error.webhook_url.required");
        if (url.length() > MAX_LENGTH) return Optional.of("error.webhook_url.too_long");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("error.webhook_url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return Optional.of("error.webhook_url.invalid");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("error.webhook_url.unknown_host");
        }
        boolean loopback = true;
        for (InetAddress address : addresses) {
            loopback &= address.isLoopbackAddress();
            if (!allowPrivate && !isPublic(address)) return Optional.of("error.webhook_url.private");
        }
        if (scheme.equals("http") && !loopback) return Optional.of("error.webhook_url.https");
        return Optional.empty();
    }

    /** Whether the address is reachable from the public internet, not one of this network's own. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7
            boolean mapped = true; // ::ffff:a.b.c.d reaches the IPv4 address
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
