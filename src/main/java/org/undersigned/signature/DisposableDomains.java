package org.undersigned.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;

/**
 * Mail domains that hand out throwaway addresses (mailinator.com and the like), from the list of
 * the npm package disposable-email-domains vendored in {@code disposable-domains.txt} (its header
 * says which version; {@code src/tools/update-disposable-domains.sh} refreshes it). The file is
 * kept as it is read, sorted, and searched by halves: 120,000 domains as strings in a hash set
 * took a second of every start on this hardware, the bytes and their line offsets take a few
 * milliseconds, and a lookup reads some 17 lines.
 */
public final class DisposableDomains {
    static final String RESOURCE = "disposable-domains.txt";
    private final byte[] list;
    /** Where each listed domain starts, in the order of its bytes. */
    private final int[] exact;
    /** Where each domain written "*.domain" starts (past the "*."): the domain and every subdomain of it. */
    private final int[] withSubdomains;

    DisposableDomains(byte[] list) {
        this.list = list;
        int[] exact = new int[1024];
        int[] wild = new int[64];
        int exactCount = 0;
        int wildCount = 0;
        for (int start = 0, end; start < list.length; start = end + 1) {
            end = lineEnd(list, start);
            if (end == start || list[start] == '#') continue;
            if (list[start] == '*' && start + 1 < end && list[start + 1] == '.') {
                if (wildCount == wild.length) wild = Arrays.copyOf(wild, wildCount * 2);
                wild[wildCount++] = start + 2;
            } else {
                if (exactCount == exact.length) exact = Arrays.copyOf(exact, exactCount * 2);
                exact[exactCount++] = start;
            }
        }
        this.exact = Arrays.copyOf(exact, exactCount);
        this.withSubdomains = Arrays.copyOf(wild, wildCount);
    }

    /** The list packed with the app. */
    public static DisposableDomains bundled() {
        try (InputStream in = DisposableDomains.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            return new DisposableDomains(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Whether a sign-on with this address is held for a coordinator: on a statement, from a
     * throwaway domain (organisations do not sign with mailinator). Campaigns take them: a person
     * may keep their own address private, and still confirms by mail like anyone.
     */
    public boolean holds(Petition petition, String email) {
        return petition.kind() == Kind.STATEMENT && isDisposable(email);
    }

    /** Whether the address is at a throwaway domain (or a subdomain of one listed with its subdomains). */
    public boolean isDisposable(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (listed(exact, domain.getBytes(StandardCharsets.UTF_8))) return true;
        for (String rest = domain; ; rest = rest.substring(rest.indexOf('.') + 1)) {
            if (listed(withSubdomains, rest.getBytes(StandardCharsets.UTF_8))) return true;
            if (rest.indexOf('.') < 0) return false;
        }
    }

    private boolean listed(int[] starts, byte[] domain) {
        int low = 0;
        int high = starts.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(starts[middle], domain);
            if (order < 0) low = middle + 1;
            else if (order > 0) high = middle - 1;
            else return true;
        }
        return false;
    }

    /** The listed line at {@code start} against the domain, byte by byte, unsigned (the order the update script sorts in). */
    private int compare(int start, byte[] domain) {
        int end = lineEnd(list, start);
        return Arrays.compareUnsigned(list, start, end, domain, 0, domain.length);
    }

    /**
     * Whether the lines come sorted, as lookups need (checked by a test rather than at every
     * start): a list edited by hand out of order would make lookups miss silently.
     */
    boolean sorted() {
        for (int[] starts : new int[][] {exact, withSubdomains}) {
            for (int i = 1; i < starts.length; i++) {
                if (Arrays.compareUnsigned(list, starts[i - 1], lineEnd(list, starts[i - 1]), list, starts[i], lineEnd(list, starts[i])) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int lineEnd(byte[] list, int start) {
        int end = start;
        while (end < list.length && list[end] != '\n') end++;
        return end;
    }
}
