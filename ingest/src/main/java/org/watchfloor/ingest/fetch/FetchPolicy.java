package org.watchfloor.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a feed may be fetched from. {@link #registered()}, for feeds anyone could register: http(s)
 * to public addresses only. {@link #operator()}, for what the operator names on the command line:
 * also {@code file:} and loopback, private and link-local addresses.
 *
 * <p>The check is on the addresses the host resolves to, made before every connection, each
 * redirect included, so a public name pointing at 127.0.0.1 or 169.254.169.254 (cloud metadata)
 * is refused as the literal would be. The HTTP client resolves the name again when it connects;
 * the JVM's address cache (30 s by default) makes that the same answer in practice.
 */
public final class FetchPolicy {
    private final boolean allowPrivate;
    private final Set<String> publicForTest;

    private FetchPolicy(boolean allowPrivate, Set<String> publicForTest) {
        this.allowPrivate = allowPrivate;
        this.publicForTest = publicForTest;
    }

    /** http(s) to public addresses only: the default for feeds in the registry. */
    public static FetchPolicy registered() {
        return new FetchPolicy(false, Set.of());
    }

    /** http(s) anywhere and {@code file:}: for feeds the operator names on the command line. */
    public static FetchPolicy operator() {
        return new FetchPolicy(true, Set.of());
    }

    /** {@link #registered()}, or {@link #operator()} when {@code allowPrivate}. */
    public static FetchPolicy of(boolean allowPrivate) {
        return allowPrivate ? operator() : registered();
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * Test hook: this policy, treating the addresses of {@code host} (exactly that name, as written
     * in URLs) as public, so a loopback test server can play a public publisher.
     */
    public FetchPolicy treatingAsPublic(String host) {
        return new FetchPolicy(allowPrivate, Set.of(Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT)));
    }

    /** Refuses {@code target} unless this policy allows fetching it; {@code feed} is the URL registered. */
    public void check(URI feed, URI target) throws FeedFetchException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            if (!allowPrivate) {
                throw refused(feed, target + ": file: URLs are refused for registered feeds");
            }
            return;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FeedFetchException(feed, "unsupported URI scheme '" + scheme + "' in " + target, -1,
                    "unsupported", null, null);
        }
        String host = target.getHost();
        if (host == null || host.isEmpty()) {
            throw new FeedFetchException(feed, "no host in " + target, -1, "unsupported", null, null);
        }
        if (allowPrivate || publicForTest.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        for (InetAddress address : resolve(feed, host)) {
            String kind = nonPublicKind(address);
            if (kind != null) {
                throw refused(feed, target + " resolves to " + kind + " address " + address.getHostAddress()
                        + "; registered feeds must be public (setting allowPrivate allows it)");
            }
        }
    }

    /** Refuses a redirect from https down to plain http, whatever the policy: it would drop the TLS the feed chose. */
    public void checkRedirect(URI feed, URI from, URI to) throws FeedFetchException {
        if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme())) {
            throw refused(feed, "redirect from " + from + " down to plain http " + to);
        }
    }

    private static InetAddress[] resolve(URI feed, String host) throws FeedFetchException {
        try {
            return InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new FeedFetchException(feed, "unknown host " + host, -1, "network", null, e);
        }
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String nonPublicKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress() || b.length == 4 && b[0] == 0) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress() || b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return "private";
        }
        if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return "private (ULA)";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        return null;
    }

    private static FeedFetchException refused(URI feed, String reason) {
        return new FeedFetchException(feed, "refused by fetch policy: " + reason, -1, "refused", null, null);
    }
}
