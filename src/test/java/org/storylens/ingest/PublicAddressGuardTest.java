package org.storylens.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PublicAddressGuardTest {

    private final PublicAddressGuard guard = PublicAddressGuard.publicOnly();
    private LoopbackSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = new LoopbackSite().page("/secret", "text/plain", "db_password=hunter2");
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private int port() {
        return URI.create(site.url("/")).getPort();
    }

    /** Every spelling of this machine's own address, aimed at the test site's port: none of them is ever sent. */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "LOCALHOST", "[::1]", "0.0.0.0", "2130706433", "0x7f000001",
            "0x7F.0.0.1", "0177.0.0.1", "127.1", "127.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]",
            "[0:0:0:0:0:0:0:1]", "[::]"})
    void refusesEverySpellingOfLoopbackBeforeConnecting(String host) {
        String url = "http://" + host + ":" + port() + "/secret";
        PageFetcher fetcher = new PageFetcher(guard);

        IngestException e = catchThrowableOfType(IngestException.class, () -> fetcher.fetch(url));

        assertThat(e).as(url).isNotNull();
        assertThat(e.input()).isEqualTo(url);
        // java.net.URI reads some spellings ("127.1", "0x7F.0.0.1") as no host at all: unusable, so never sent
        assertThat(e.reason()).satisfiesAnyOf(
                reason -> assertThat(reason).startsWith("refused: host")
                        .contains("storylens fetches only the public web").contains("--allow-private"),
                reason -> assertThat(reason).endsWith(" is not a valid host"));
        assertThat(site.requests()).isEmpty();
    }

    /** Checked without fetching: a test never sends anything to a private or public address. */
    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1", "100.64.0.1",
            "169.254.169.254", "0.1.2.3", "224.0.0.1", "255.255.255.255", "240.0.0.1", "[fe80::1]", "[fc00::1]",
            "[fd12:3456::1]", "[fec0::1]", "[ff02::1]", "[::ffff:10.0.0.1]", "[::ffff:a9fe:a9fe]",
            "[64:ff9b::a00:1]", "[2002:c0a8:101::1]", "012.0.0.1", "0xa9.0xfe.0xa9.0xfe", "3232235777",
            "0300.0250.1.1"})
    void refusesPrivateLinkLocalUniqueLocalMulticastAndMappedAddressesInEverySpelling(String host) {
        String url = "http://" + host + "/latest/meta-data/";

        // the host as written: java.net.URI reads "0300.0250.1.1" as no host, another client might not
        IngestException e = catchThrowableOfType(IngestException.class, () -> guard.checkHost(url, host));

        assertThat(e).as(url).isNotNull();
        assertThat(e.input()).isEqualTo(url);
        assertThat(e.reason()).startsWith("refused: host");
    }

    @Test
    void namesTheAddressAndItsKindForASpellingThatHidesIt() {
        String url = "http://0x7f000001/";

        IngestException e = catchThrowableOfType(IngestException.class, () -> guard.check(url, URI.create(url)));

        assertThat(e.reason()).startsWith("refused: host 0x7f000001 is 127.0.0.1, a loopback address");
    }

    @Test
    void takesPublicAddressesAsPublic() throws IOException {
        for (String address : new String[]{"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1",
                "2001:4860:4860::8888", "2a00:1450:4001::200e"}) {
            assertThat(PublicAddressGuard.nonPublicKind(InetAddress.getByName(address))).as(address).isNull();
        }
        String url = "http://8.8.8.8/";
        assertThatCode(() -> guard.check(url, URI.create(url))).doesNotThrowAnyException();
    }

    @Test
    void readsNumericHostsAsTheCLibraryDoes() {
        assertThat(PublicAddressGuard.numericIpv4("2130706433")).hasValue(new byte[]{127, 0, 0, 1});
        assertThat(PublicAddressGuard.numericIpv4("0x7f.1")).hasValue(new byte[]{127, 0, 0, 1});
        assertThat(PublicAddressGuard.numericIpv4("0177.0.0.01")).hasValue(new byte[]{127, 0, 0, 1});
        assertThat(PublicAddressGuard.numericIpv4("10.65535")).hasValue(new byte[]{10, 0, (byte) 255, (byte) 255});
        assertThat(PublicAddressGuard.numericIpv4("example.com")).isEmpty();
        assertThat(PublicAddressGuard.numericIpv4("1.2.3.4.5")).isEmpty();
        assertThat(PublicAddressGuard.numericIpv4("256.1.1.1")).isEmpty();
        assertThat(PublicAddressGuard.numericIpv4("+1.2.3.4")).isEmpty();
    }

    @Test
    void aRedirectToAnotherSpellingOfLoopbackIsRefusedAtThatHop() {
        site.route("/jump", request -> LoopbackSite.Reply.of(302)
                .with("Location", "http://2130706433:" + port() + "/secret"));
        PageFetcher fetcher = new PageFetcher(PublicAddressGuard.publicOnlyExcept(Set.of("127.0.0.1")));

        IngestException e = catchThrowableOfType(IngestException.class, () -> fetcher.fetch(site.url("/jump")));

        assertThat(e.input()).isEqualTo(site.url("/jump"));
        assertThat(e.reason()).startsWith("redirected to http://2130706433:" + port() + "/secret: refused: host");
        assertThat(site.requests("/jump")).hasSize(1);
        assertThat(site.requests("/secret")).isEmpty();
    }

    @Test
    void aPoliteFetchChecksEveryRedirectHopToo() {
        site.route("/jump", request -> LoopbackSite.Reply.of(301).with("Location", "http://localhost:" + port()
                + "/secret"));
        PoliteFetcher polite = new PoliteFetcher(new PageFetcher(Duration.ofSeconds(5), Duration.ofSeconds(5),
                1 << 20, PublicAddressGuard.publicOnlyExcept(Set.of("127.0.0.1"))), PoliteFetcher.Settings.DEFAULT,
                new RecordingClock());

        IngestException e = catchThrowableOfType(IngestException.class, () -> polite.fetch(site.url("/jump")));

        assertThat(e.reason()).contains("refused: host localhost is 127.0.0.1, a loopback address");
        assertThat(site.requests("/secret")).isEmpty();
    }

    @Test
    void allowingPrivateFetchesLoopback() throws IngestException {
        PageFetcher.FetchedPage page = new PageFetcher(PublicAddressGuard.allowingPrivate())
                .fetch(site.url("/secret"));

        assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("db_password=hunter2");
    }
}
