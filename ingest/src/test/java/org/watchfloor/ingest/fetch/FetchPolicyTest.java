package org.watchfloor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class FetchPolicyTest {
    private static final URI FEED = URI.create("https://feeds.example/rss");

    @Test
    void loopbackPrivateLinkLocalAndUniqueLocalAddressesAreNotPublic() throws UnknownHostException {
        for (String literal : new String[] {"127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                "169.254.169.254", "fe80::1", "fd00:ec2::254", "100.64.0.1", "0.0.0.0", "::", "::ffff:127.0.0.1"}) {
            assertThat(FetchPolicy.nonPublicKind(InetAddress.getByName(literal))).as(literal).isNotNull();
        }
        for (String literal : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"}) {
            assertThat(FetchPolicy.nonPublicKind(InetAddress.getByName(literal))).as(literal).isNull();
        }
    }

    @Test
    void registeredFeedsMustBePublicHttpNamingTheUrlRefused() {
        FetchPolicy strict = FetchPolicy.registered();

        assertThatThrownBy(() -> strict.check(FEED, URI.create("http://127.0.0.1:8080/secret")))
                .isInstanceOf(FeedFetchException.class)
                .hasMessageContaining("http://127.0.0.1:8080/secret")
                .hasMessageContaining("loopback")
                .satisfies(e -> assertThat(((FeedFetchException) e).kind()).isEqualTo("refused"));
        assertThatThrownBy(() -> strict.check(FEED, URI.create("http://169.254.169.254/latest/meta-data/")))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> strict.check(FEED, URI.create("http://[fd12::1]/rss"))).hasMessageContaining("ULA");
        assertThatThrownBy(() -> strict.check(FEED, URI.create("http://10.0.0.7/rss"))).hasMessageContaining("private");
        assertThatThrownBy(() -> strict.check(FEED, URI.create("file:///etc/passwd")))
                .hasMessageContaining("file:///etc/passwd").hasMessageContaining("file:");
        assertThatThrownBy(() -> strict.check(FEED, URI.create("ftp://feeds.example/rss"))).hasMessageContaining("ftp");
        assertThatThrownBy(() -> strict.check(FEED, URI.create("http:///rss"))).hasMessageContaining("no host");
    }

    @Test
    void theOperatorPolicyAllowsFilesAndLocalAddresses() throws FeedFetchException {
        FetchPolicy lenient = FetchPolicy.operator();

        lenient.check(FEED, URI.create("http://127.0.0.1:8080/feed"));
        lenient.check(FEED, URI.create("file:///srv/feeds/a.xml"));
        assertThatThrownBy(() -> lenient.check(FEED, URI.create("ftp://feeds.example/rss"))).hasMessageContaining("ftp");
        assertThat(FetchPolicy.of(true).allowsPrivate()).isTrue();
        assertThat(FetchPolicy.of(false).allowsPrivate()).isFalse();
    }

    @Test
    void theTestHookMakesOneHostNamePublicAndNoOther() throws FeedFetchException {
        FetchPolicy policy = FetchPolicy.registered().treatingAsPublic("127.0.0.1");

        policy.check(FEED, URI.create("http://127.0.0.1:8080/feed"));
        assertThatThrownBy(() -> policy.check(FEED, URI.create("http://localhost:8080/feed"))).hasMessageContaining("loopback");
    }

    @Test
    void aRedirectFromHttpsDownToHttpIsRefusedWhateverThePolicy() throws FeedFetchException {
        URI https = URI.create("https://feeds.example/rss");

        assertThatThrownBy(() -> FetchPolicy.operator().checkRedirect(FEED, https, URI.create("http://feeds.example/rss")))
                .isInstanceOf(FeedFetchException.class)
                .hasMessageContaining("down to plain http");
        FetchPolicy.registered().checkRedirect(FEED, https, URI.create("https://mirror.example/rss"));
        FetchPolicy.registered().checkRedirect(FEED, URI.create("http://feeds.example/rss"), https);
    }
}
