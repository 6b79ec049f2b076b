import org.storylens.cli.StorylensCli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Ingest speed of the plain-text and HTML readers (read + clean + store) on generated articles.
 *
 * <pre>
 *   ./storylens --version     # builds target/storylens.jar if needed
 *   java -Xmx2g -cp target/storylens.jar bench/IngestSpeed.java [ARTICLES_PER_FORMAT]   # default 3000
 * </pre>
 * Each article is ~450 words of news-like text with debris lines (byline, reading time, share prompt, app promo),
 * every one different so that none is a duplicate. Prints the ingest summary line for each format; articles are
 * stored without analysis ({@code --no-analyse}), as the read + clean + store figure of the README is measured.
 */
public class IngestSpeed {

    private static final String[] WORDS = ("minister port council river storm election court police union talks "
            + "border troops officials report statement budget hospital school bridge dam flood strike vote reform "
            + "market prices energy railway airport village capital region province coast agency spokesman "
            + "president government opposition parliament inquiry evidence witnesses contract workers farmers")
            .split(" ");
    private static final String[] NAMES = {"Anna Keller", "Tomas Varga", "Mira Holt", "Jonas Berg", "Lea Novak",
            "Piotr Lind", "Sara Quist", "Omar Haddad", "Ines Moreau", "Karl Dahl"};

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path root = Files.createTempDirectory("storylens-bench");
        Random random = new Random(42);
        Path text = Files.createDirectories(root.resolve("text"));
        Path html = Files.createDirectories(root.resolve("html"));
        for (int i = 0; i < n; i++) {
            String title = "Officials " + word(random) + " " + word(random) + " plan after " + word(random)
                    + " row " + i;
            String[] body = body(random, i);
            StringBuilder t = new StringBuilder(title).append("\n\nBy ").append(NAMES[i % NAMES.length])
                    .append("\n3 mins read\n\n");
            for (String p : body) {
                t.append(p).append("\n\n");
            }
            t.append("Share this article\nStay tuned with Example Post Android App\n");
            Files.writeString(text.resolve("article-" + i + ".txt"), t, StandardCharsets.UTF_8);

            StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                    .append("<title>").append(title).append(" | Example Post</title>")
                    .append("<meta property=\"og:site_name\" content=\"Example Post\">")
                    .append("<meta property=\"article:published_time\" content=\"2025-03-")
                    .append(String.format("%02d", 1 + i % 28)).append("T08:00:00Z\"></head><body>")
                    .append("<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>")
                    .append("<div class=\"cookie-banner\">We use cookies. Accept</div><article><h1>").append(title)
                    .append("</h1><p class=\"byline\">By ").append(NAMES[i % NAMES.length]).append("</p>");
            for (String p : body) {
                h.append("<p>").append(p).append("</p>");
            }
            h.append("<figure><img src=\"a.jpg\"><figcaption>Photo: a scene ").append(i)
                    .append("</figcaption></figure></article><aside class=\"related\"><a href=\"/x\">Related story")
                    .append("</a></aside><section class=\"comments\"><h3>Leave a Reply</h3></section>")
                    .append("<footer>© Example Post</footer></body></html>");
            Files.writeString(html.resolve("article-" + i + ".html"), h, StandardCharsets.UTF_8);
        }
        System.out.println("generated " + n + " text and " + n + " HTML articles in " + root);
        for (String format : new String[] {"text", "html"}) {
            Path db = root.resolve(format + ".db");
            System.out.print(format + ": ");
            int code = StorylensCli.commandLine().execute("ingest", root.resolve(format).toString(), "--db",
                    db.toString(), "--no-progress", "--no-analyse");
            if (code != 0) {
                System.out.println("exit code " + code);
            }
        }
    }

    private static String[] body(Random random, int i) {
        String[] paragraphs = new String[8];
        for (int p = 0; p < paragraphs.length; p++) {
            StringBuilder b = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                b.append(NAMES[random.nextInt(NAMES.length)]).append(" said the ");
                for (int w = 0; w < 14; w++) {
                    b.append(word(random)).append(' ');
                }
                b.append("would be discussed on ").append(1 + random.nextInt(28)).append(" March, case ")
                        .append(i).append('-').append(p).append('-').append(s).append(". ");
            }
            paragraphs[p] = b.toString().strip();
        }
        return paragraphs;
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
