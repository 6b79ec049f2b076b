package org.storylens.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FormatSnifferTest {

    private static final String TEXT = """
            Council approves new cycle lanes

            The city council voted 31 to 12 on Tuesday to build 40 km of protected cycle lanes by 2027.
            """;
    private static final String HTML = """
            <!DOCTYPE html>
            <html lang="en"><head><title>Cycle lanes</title></head>
            <body><article><p>The city council voted on Tuesday.</p></article></body></html>
            """;
    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>City News</title>
            <item><title>Cycle lanes</title><description>The council voted.</description></item>
            </channel></rss>
            """;
    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>City News</title>
            <entry><title>Cycle lanes</title><content type="html">&lt;p&gt;The council voted.&lt;/p&gt;</content></entry>
            </feed>
            """;
    private static final String JSON_LINES = """
            {"id": "a1", "text": "The council voted."}
            {"id": "a2", "text": "The mayor spoke."}
            """;

    private final FormatSniffer sniffer = new FormatSniffer(new TextDecoder());

    private Optional<SourceFormat> sniff(String name, String content) {
        return sniffer.sniff(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainTextIsText() {
        assertThat(sniff("lanes.txt", TEXT)).contains(SourceFormat.TEXT);
        assertThat(sniff("lanes", TEXT)).contains(SourceFormat.TEXT);
    }

    @Test
    void aPageOpeningWithAStyleSheetOrAPhpWarningIsHtml() {
        String css = "<style>\n" + ".story p { margin: 0 0 1em; line-height: 1.5 }\n".repeat(400) + "</style>\n" + HTML;
        String phpWarning = "Warning: Cannot modify header information - headers already sent by (output started at "
                + "/var/www/site/index.php:12) in /var/www/site/lib/session.php on line 48\n" + HTML;
        String phpNotice = "<br />\n<b>Notice</b>:  Undefined index: lang in <b>/var/www/page.php</b> on line <b>7</b>"
                + "<br />\n" + HTML;

        assertThat(sniff("page", css)).contains(SourceFormat.HTML);
        assertThat(sniff("page.html.gz", phpWarning)).contains(SourceFormat.HTML);
        assertThat(sniff("page", phpWarning)).contains(SourceFormat.HTML);
        assertThat(sniff("page", phpNotice)).contains(SourceFormat.HTML);
    }

    @Test
    void textThatMentionsATagInPassingStaysText() {
        String text = "Web tips for beginners\n\nWrap each paragraph in a <p> element and you are done.\n";

        assertThat(sniff("tips.txt", text)).contains(SourceFormat.TEXT);
    }

    @Test
    void htmlIsHtmlWhateverItsName() {
        assertThat(sniff("lanes.html", HTML)).contains(SourceFormat.HTML);
        assertThat(sniff("lanes.txt", HTML)).contains(SourceFormat.HTML);
        assertThat(sniff("lanes", HTML)).contains(SourceFormat.HTML);
    }

    @Test
    void htmlFragmentWithoutAnHtmlElementIsHtml() {
        String fragment = "\n  <div class=\"story\"><p>The council voted.</p><p>The mayor spoke.</p></div>\n";

        assertThat(sniff("fragment.txt", fragment)).contains(SourceFormat.HTML);
    }

    @Test
    void rssAndAtomAreFeedsEvenWhenSavedAsHtml() {
        assertThat(sniff("city.xml", RSS)).contains(SourceFormat.FEED);
        assertThat(sniff("city.rss", RSS)).contains(SourceFormat.FEED);
        assertThat(sniff("city.html", RSS)).contains(SourceFormat.FEED);
        assertThat(sniff("city.atom", ATOM)).contains(SourceFormat.FEED);
        assertThat(sniff("city.htm", ATOM)).contains(SourceFormat.FEED);
    }

    @Test
    void rss1RdfIsAFeed() {
        String rdf = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                <channel><title>City</title></channel></rdf:RDF>
                """;

        assertThat(sniff("city.rdf", rdf)).contains(SourceFormat.FEED);
    }

    @Test
    void htmlPageThatLinksOrMentionsAFeedIsStillHtml() {
        String page = "<html><head><title>Feeds</title></head><body><pre>&lt;rss version=\"2.0\"&gt;</pre>"
                + "<p>Our <rss> feed explained.</p></body></html>";

        assertThat(sniff("about-feeds.html", page)).contains(SourceFormat.HTML);
    }

    @Test
    void jsonLinesIsRecognisedByContentAndByName() {
        assertThat(sniff("dump.jsonl", JSON_LINES)).contains(SourceFormat.JSON_LINES);
        assertThat(sniff("dump.ndjson", JSON_LINES)).contains(SourceFormat.JSON_LINES);
        assertThat(sniff("dump.json", JSON_LINES)).contains(SourceFormat.JSON_LINES);
        assertThat(sniff("dump.txt", JSON_LINES)).contains(SourceFormat.JSON_LINES);
        assertThat(sniff("dump", JSON_LINES)).contains(SourceFormat.JSON_LINES);
    }

    @Test
    void singleLineJsonIsJsonLines() {
        String one = "{\"id\": \"a1\", \"text\": \"The council voted.\"}";

        assertThat(sniff("one.json", one)).contains(SourceFormat.JSON_LINES);
        assertThat(sniff("one", one)).contains(SourceFormat.JSON_LINES);
        assertThat(sniff("one", one + "\n")).contains(SourceFormat.JSON_LINES);
        assertThat(sniff("one", one + "\r\n")).contains(SourceFormat.JSON_LINES);
    }

    @Test
    void jsonArrayNamedJsonGoesToTheJsonReaderNotToTheTextReader() {
        String array = "[\n  {\"id\": \"a1\", \"text\": \"The council voted.\"}\n]\n";

        assertThat(sniff("export.json", array)).contains(SourceFormat.JSON_LINES);
        assertThat(sniff("update.txt", "[Updated] Council approves cycle lanes\n\nThe vote was 31 to 12.\n"))
                .contains(SourceFormat.TEXT);
    }

    @Test
    void jsonWithAByteOrderMarkIsJsonLines() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = JSON_LINES.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(body, 0, both, bom.length, body.length);

        assertThat(sniffer.sniff("dump", both)).contains(SourceFormat.JSON_LINES);
    }

    @Test
    void warcIsRecognisedByItsVersionLine() {
        String warc = "WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n";

        assertThat(sniff("crawl.warc", warc)).contains(SourceFormat.WARC);
        assertThat(sniff("crawl.txt", warc)).contains(SourceFormat.WARC);
    }

    @Test
    void binaryIsNothingStorylensReads() {
        byte[] noise = new byte[2048];
        new Random(11).nextBytes(noise);
        noise[5] = 0;

        assertThat(sniffer.sniff("noise.txt", noise)).isEmpty();
        assertThat(sniffer.sniff("photo.html", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16,
                'J', 'F', 'I', 'F', 0})).isEmpty();
    }

    @Test
    void utf16HtmlIsHtml() {
        assertThat(sniffer.sniff("page.html", HTML.getBytes(StandardCharsets.UTF_16LE))).contains(SourceFormat.HTML);
    }
}
