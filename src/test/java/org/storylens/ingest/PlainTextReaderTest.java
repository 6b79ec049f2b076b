package org.storylens.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlainTextReaderTest {

    private static final String HEADLINE = "Bridge closed after cracks found in main span";
    private static final String BODY = """
            Engineers closed the Elm Street bridge on Monday after inspectors found cracks in its main span.

            Traffic is being diverted through the old town, the council said.""";

    @TempDir
    Path dir;

    private final PlainTextReader reader = new PlainTextReader(new TextDecoder(), 1 << 20);

    @Test
    void headlineShapedFirstLineBecomesTheTitleAndLeavesTheBody() throws Exception {
        RawArticle article = read("bridge.txt", HEADLINE + "\n\n" + BODY + "\n");

        assertThat(article.metadata().title()).isEqualTo(HEADLINE);
        assertThat(article.text()).isEqualTo(BODY).doesNotContain(HEADLINE);
        assertThat(article.format()).isEqualTo(SourceFormat.TEXT);
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void headlineDirectlyFollowedByBodyTextIsStillTheTitle() throws Exception {
        RawArticle article = read("bridge.txt", HEADLINE + "\n" + BODY);

        assertThat(article.metadata().title()).isEqualTo(HEADLINE);
        assertThat(article.text()).isEqualTo(BODY);
    }

    @Test
    void firstLineThatIsASentenceIsBodyNotTitle() throws Exception {
        String sentence = "Engineers closed the Elm Street bridge on Monday after inspectors found cracks in its "
                + "main span, the council said.";

        RawArticle article = read("bridge.txt", sentence + "\n\nTraffic is being diverted through the old town.\n");

        assertThat(article.metadata().title()).isNull();
        assertThat(article.text()).startsWith(sentence);
    }

    @Test
    void shortFirstLineEndingWithAFullStopIsNotATitle() throws Exception {
        RawArticle article = read("bridge.txt", "The bridge is closed.\n\n" + BODY);

        assertThat(article.metadata().title()).isNull();
        assertThat(article.text()).startsWith("The bridge is closed.");
    }

    @Test
    void leadingBlankLinesAreSkippedBeforeTheTitle() throws Exception {
        RawArticle article = read("bridge.txt", "\n\n   \n\t\n" + HEADLINE + "\n\n" + BODY);

        assertThat(article.metadata().title()).isEqualTo(HEADLINE);
        assertThat(article.text()).isEqualTo(BODY);
    }

    @Test
    void windowsLineEndingsAreNormalised() throws Exception {
        String crlf = (HEADLINE + "\n\n" + BODY + "\n").replace("\n", "\r\n");

        RawArticle article = read("bridge.txt", crlf);

        assertThat(article.metadata().title()).isEqualTo(HEADLINE);
        assertThat(article.text()).isEqualTo(BODY).doesNotContain("\r");
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheTitle() throws Exception {
        RawArticle article = read("bridge.txt", "\uFEFF" + HEADLINE + "\n\n" + BODY);

        assertThat(article.metadata().title()).isEqualTo(HEADLINE);
        assertThat(article.text()).isEqualTo(BODY);
    }

    @Test
    void guessedEncodingIsDecodedAndWarnedAbout() throws Exception {
        Path file = dir.resolve("cafe.txt");
        Files.write(file, ("Café owners in Zürich protest new tax\n\nThe owners marched past the façades.")
                .getBytes(Charset.forName("windows-1252")));

        RawArticle article = reader.read(Input.ofFile(file)).articles().get(0);

        assertThat(article.metadata().title()).isEqualTo("Café owners in Zürich protest new tax");
        assertThat(article.text()).isEqualTo("The owners marched past the façades.");
        assertThat(article.warnings()).singleElement().asString().contains("windows-1252");
    }

    @Test
    void idIsTheFileNameWithoutExtensionAndOriginIsThePath() throws Exception {
        Path file = write("002_96ae.txt", HEADLINE + "\n\n" + BODY);

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("002_96ae");
            assertThat(a.origin()).isEqualTo(file.toString());
        });
    }

    @Test
    void titleAloneIsKeptAsTheBody() throws Exception {
        RawArticle article = read("brief.txt", HEADLINE + "\n");

        assertThat(article.metadata().title()).isEqualTo(HEADLINE);
        assertThat(article.text()).isEqualTo(HEADLINE);
    }

    @Test
    void whitespaceOnlyFileFailsNamingTheFile() throws IOException {
        Path file = write("blank.txt", " \n\t\r\n   \n\uFEFF\n");

        IngestException e = catchThrowableOfType(IngestException.class, () -> reader.read(Input.ofFile(file)));

        assertThat(e.input()).isEqualTo(file.toString());
        assertThat(e.reason()).contains("only white space");
        assertThat(e.getMessage()).startsWith(file + ": ");
    }

    @Test
    void binaryFileFailsNamingTheFile() throws IOException {
        Path file = dir.resolve("image.txt");
        Files.write(file, new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 1, 0, 1, 0, 0});

        IngestException e = catchThrowableOfType(IngestException.class, () -> reader.read(Input.ofFile(file)));

        assertThat(e.input()).isEqualTo(file.toString());
        assertThat(e.reason()).contains("binary");
    }

    private RawArticle read(String name, String content) throws Exception {
        ReadResult result = reader.read(Input.ofFile(write(name, content)));
        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).hasSize(1);
        return result.articles().get(0);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
