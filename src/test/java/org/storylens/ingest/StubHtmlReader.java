package org.storylens.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.InputStream;

/** A stand-in for the real HTML reader: title from {@code <title>}, text from the body, author from a meta tag. */
final class StubHtmlReader implements ArticleReader {

    @Override
    public ReadResult read(Input input) throws IngestException {
        Document doc;
        try (InputStream in = input.opener().open()) {
            doc = Jsoup.parse(in, null, input.name());
        } catch (IOException e) {
            throw new IngestException(input.name(), "cannot read", e);
        }
        String text = new HtmlParagraphs().toText(doc.body());
        if (text.isBlank()) {
            throw new IngestException(input.name(), "page has no text");
        }
        String title = doc.title().isBlank() ? null : doc.title();
        String author = doc.select("meta[name=author]").attr("content");
        return ReadResult.of(new RawArticle(input.idHint(), input.name(), SourceFormat.HTML, text,
                new Metadata(title, null, null, null, null, author.isBlank() ? null : author), null));
    }
}
