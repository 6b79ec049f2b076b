package org.storylens.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A seeded generator of hostile inputs: binary garbage, truncated and corrupt gzip, gzip bombs, HTML and JSON nested
 * tens of thousands of levels deep, 60,000-character words, very long titles and sentences, control characters, ANSI
 * escapes and bidi overrides, bad encodings, malformed HTML, XML feeds, JSON Lines and WARC, empty inputs, feeds of
 * thousands of entries, feeds whose entries link inside the machine, and ordinary articles mixed in. The same seed
 * gives the same inputs in the same order. Not thread-safe: one generator per run.
 *
 * <p>The costly kinds are bounded in number whatever the count: gzip bombs (each a few hundred KB on disk expanding
 * to 256 MiB or 1 GiB), feeds of thousands of entries, and 10 MB strings.
 */
final class HostileInputs {

    static final String NORMAL = "normal";

    /** The marker of the page served inside the machine: an article holding it was fetched from there. */
    static final String INSIDE_SECRET = "db_password=fuzz-inside-4711";

    /** How many times more the uncompressed side of a gzip bomb is than {@code ingest.Limits}' 64 MiB. */
    private static final long BOMB_BYTES = 256L << 20;
    private static final long BLANK_LINES_BOMB_BYTES = 1L << 30;

    private static final String[] PLACES = {"Meravik", "Port Aldery", "Dunhelm", "Castavia", "Orlen", "Brannsk",
        "Velmora", "Ostrava Nova", "Kelling Bay", "Sarnen"};
    private static final String[] PEOPLE = {"Anna Kowalski", "Tomas Brenner", "Leila Haddad", "Piet Vos",
        "Mara Olsen", "Jon Ferreira", "Ines Duarte", "Oleg Marin"};
    private static final String[] EVENTS = {"bridge repair", "dam spillway collapse", "gale warning",
        "rail strike", "hospital opening", "water shortage", "port fire", "school closure"};
    private static final String[] OUTLETS = {"Reuters", "TASS", "The Meravik Herald", "Castavia Today", "AP"};
    private static final String[] TAGS = {"div", "span", "b", "i", "p", "li", "td", "a", "blockquote", "section",
        "font", "em"};
    private static final String[] EXTENSIONS = {".txt", ".html", ".jsonl", ".xml", ".warc", ".bin", ".json", ""};
    private static final String[] NASTY = {"\u001b[31m", "\u001b[2J", "\u001b]0;pwned\u0007", "\u001b[1A\u001b[K",
        "\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\ufeff", "\u0000", "\u0007", "\b", "\r", "\u007f",
        "\u0085", "\u2028", "\u2029", "\u009b31m", "\ud83d\ude00", "\u0301\u0301\u0301"};

    /** A kind and how often it is drawn, out of the sum of the weights. */
    private record Weighted(String kind, int weight) {
    }

    private static final List<Weighted> KINDS = List.of(
            new Weighted(NORMAL, 10),
            new Weighted("binary", 10),
            new Weighted("empty", 4),
            new Weighted("gzip-valid", 3),
            new Weighted("gzip-truncated", 6),
            new Weighted("nested-html", 2),
            new Weighted("nested-json", 4),
            new Weighted("huge-token", 5),
            new Weighted("long-title", 3),
            new Weighted("long-sentence", 2),
            new Weighted("control-chars", 8),
            new Weighted("bad-encoding", 8),
            new Weighted("malformed-feed", 8),
            new Weighted("malformed-html", 7),
            new Weighted("malformed-jsonl", 9),
            new Weighted("warc-garbage", 7),
            new Weighted("inside-links-feed", 1));

    /**
     * The most inputs of each costly kind per 10,000 (reading and cleaning one takes up to a second): past it, the
     * kind is drawn no more.
     */
    private static final Map<String, Integer> CAPS_PER_10000 = Map.of("nested-html", 60, "long-sentence", 60,
            "long-title", 120, "huge-token", 250);

    private final Random random;
    private final List<String> insideLinks;
    private final int bombEvery;
    private final int maxBombs;
    private final int maxBigFeeds;
    private final int maxHugeStrings;
    private final Map<String, byte[]> bombs = new HashMap<>();
    private final Map<String, Integer> caps = new HashMap<>();
    private final Map<String, Integer> made = new HashMap<>();
    private int produced;
    private int bombsMade;
    private int bigFeedsMade;
    private int hugeStringsMade;
    private int nonce;

    /**
     * @param seed        the seed of the run
     * @param insideLinks URLs of a page inside the machine (loopback in its many spellings) that feed entries link to
     */
    HostileInputs(long seed, List<String> insideLinks) {
        this(seed, insideLinks, 12, 3, 5);
    }

    HostileInputs(long seed, List<String> insideLinks, int maxBombs, int maxBigFeeds, int maxHugeStrings) {
        this.random = new Random(seed);
        this.insideLinks = List.copyOf(insideLinks);
        this.bombEvery = 700;
        this.maxBombs = maxBombs;
        this.maxBigFeeds = maxBigFeeds;
        this.maxHugeStrings = maxHugeStrings;
    }

    /** Bounds the costly kinds for a run of about this many inputs. */
    HostileInputs capped(int count) {
        CAPS_PER_10000.forEach((kind, cap) -> caps.put(kind, Math.max(1, (int) ((long) cap * count / 10_000))));
        return this;
    }

    /** The next input. */
    HostileInput next() {
        int i = produced++;
        if (i % bombEvery == bombEvery / 2 && bombsMade < maxBombs) {
            bombsMade++;
            return gzipBomb();
        }
        if (i % 3000 == 1500 && bigFeedsMade < maxBigFeeds) {
            bigFeedsMade++;
            return bigFeed();
        }
        if (i % 2000 == 1000 && hugeStringsMade < maxHugeStrings) {
            hugeStringsMade++;
            return hugeString();
        }
        List<Weighted> open = KINDS.stream()
                .filter(w -> made.getOrDefault(w.kind(), 0) < caps.getOrDefault(w.kind(), Integer.MAX_VALUE)).toList();
        int roll = random.nextInt(open.stream().mapToInt(Weighted::weight).sum());
        for (Weighted w : open) {
            roll -= w.weight();
            if (roll < 0) {
                made.merge(w.kind(), 1, Integer::sum);
                return make(w.kind());
            }
        }
        throw new IllegalStateException("weights");
    }

    /** An ordinary article as one JSON Lines line, each call a different one. */
    String normalJsonLine() {
        Story s = story();
        return jsonLine(s.id, s.title, s.outlet, s.date, s.text);
    }

    private HostileInput make(String kind) {
        return switch (kind) {
            case NORMAL -> normal();
            case "binary" -> binary();
            case "empty" -> empty();
            case "gzip-valid" -> gzipValid();
            case "gzip-truncated" -> gzipTruncated();
            case "nested-html" -> nestedHtml();
            case "nested-json" -> nestedJson();
            case "huge-token" -> hugeToken();
            case "long-title" -> longTitle();
            case "long-sentence" -> longSentence();
            case "control-chars" -> controlChars();
            case "bad-encoding" -> badEncoding();
            case "malformed-feed" -> malformedFeed();
            case "malformed-html" -> malformedHtml();
            case "malformed-jsonl" -> malformedJsonLines();
            case "warc-garbage" -> warcGarbage();
            case "inside-links-feed" -> insideLinksFeed();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    // ----- ordinary articles -------------------------------------------------------------------------------------

    /** The parts of one ordinary article. */
    private record Story(String id, String title, String outlet, String date, String text) {
    }

    private Story story() {
        int n = ++nonce;
        String place = pick(PLACES);
        String person = pick(PEOPLE);
        String event = pick(EVENTS);
        int people = 100 + random.nextInt(5000);
        String date = "2025-0" + (1 + random.nextInt(9)) + "-" + (10 + random.nextInt(18));
        String title = place + " " + event + ": " + people + " residents affected, officials say (" + n + ")";
        String text = person + ", the mayor of " + place + ", said on Monday that " + people + " residents would be "
                + "moved while engineers deal with the " + event + " reported in the district number " + n + ".\n\n"
                + "\"We expect the work to take " + (2 + random.nextInt(9)) + " weeks,\" " + person
                + " told local radio. The regional council will meet on 14 March to approve "
                + (1 + random.nextInt(40)) + " million in funding for the repairs, officials in " + place + " said.\n\n"
                + "Residents of " + place + " were told to follow the council's notices and to keep away from the "
                + "site of the " + event + " until the inspection ends.";
        return new Story("fuzz-" + n, title, pick(OUTLETS), date, text);
    }

    private HostileInput normal() {
        Story s = story();
        return switch (random.nextInt(5)) {
            case 0 -> text(NORMAL, ".txt", s.title + "\n\n" + s.text);
            case 1 -> text(NORMAL, ".html", html(s.title, s.outlet, s.date, paragraphs(s.text)));
            case 2 -> text(NORMAL, ".jsonl", jsonLine(s.id, s.title, s.outlet, s.date, s.text) + "\n"
                    + normalJsonLine() + "\n");
            case 3 -> text(NORMAL, ".xml", rss(List.of(item(s.title, "https://news.example.org/" + s.id,
                    escapeXml(s.text)))));
            default -> text(NORMAL, ".atom", atom(s.title, escapeXml(s.text)));
        };
    }

    // ----- binary, empty, gzip -----------------------------------------------------------------------------------

    private HostileInput binary() {
        byte[] bytes = new byte[1 + random.nextInt(random.nextBoolean() ? 512 : 65_536)];
        random.nextBytes(bytes);
        String[] magic = {"%PDF-1.7\n", "\u0089PNG\r\n\u001a\n", "PK\u0003\u0004", "\u007fELF", "GIF89a",
            "\u00ff\u00d8\u00ff\u00e0", "\u0000\u0000\u0001\u0000", "{\"title\": \"", "<html><body>", "WARC/1.0\r\n"};
        if (random.nextInt(3) == 0) {
            byte[] m = pick(magic).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(m, 0, bytes, 0, Math.min(m.length, bytes.length));
        } else if (random.nextInt(3) == 0) {
            byte[] text = (story().text + "\n").repeat(4).getBytes(StandardCharsets.UTF_8);
            bytes = Arrays.copyOf(text, text.length);
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                bytes[random.nextInt(bytes.length)] = 0;
            }
        }
        return new HostileInput("binary", name(pick(EXTENSIONS)), bytes);
    }

    private HostileInput empty() {
        String[] variants = {"", " ", "\n", "\r\n\r\n", " \t \n ", "\ufeff", "\ufeff\n", "\u0000", "{}", "[]",
            "null", "<html></html>", "<rss version=\"2.0\"><channel></channel></rss>", "{\"title\": \"\", \"text\": \"\"}",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "WARC/1.0\r\n\r\n"};
        return text("empty", pick(EXTENSIONS), pick(variants));
    }

    private HostileInput gzipValid() {
        HostileInput inner = normal();
        return new HostileInput("gzip-valid", name(extensionOf(inner.fileName()) + ".gz"), gzip(inner.bytes()));
    }

    private HostileInput gzipTruncated() {
        HostileInput inner = random.nextBoolean() ? normal() : hugeToken();
        byte[] zipped = gzip(inner.bytes());
        byte[] bytes = switch (random.nextInt(5)) {
            case 0 -> Arrays.copyOf(zipped, 1 + random.nextInt(Math.min(20, zipped.length - 1)));
            case 1 -> Arrays.copyOf(zipped, 10 + random.nextInt(zipped.length - 10));
            case 2 -> {
                byte[] corrupt = zipped.clone();
                for (int k = 0; k < 4; k++) {
                    corrupt[12 + random.nextInt(corrupt.length - 12)] ^= (byte) (1 + random.nextInt(255));
                }
                yield corrupt;
            }
            case 3 -> {
                byte[] crc = zipped.clone();
                crc[crc.length - 6] ^= 0x5A; // the CRC-32 of the trailer
                yield crc;
            }
            default -> {
                byte[] garbage = new byte[64 + random.nextInt(4096)];
                random.nextBytes(garbage);
                byte[] joined = Arrays.copyOf(zipped, zipped.length + garbage.length);
                System.arraycopy(garbage, 0, joined, zipped.length, garbage.length);
                yield joined;
            }
        };
        return new HostileInput("gzip-truncated", name(extensionOf(inner.fileName()) + ".gz"), bytes);
    }

    private HostileInput gzipBomb() {
        String[] variants = {"zeros", "blank-lines", "letters", "html", "feed", "double"};
        String variant = variants[bombsMade % variants.length];
        byte[] bomb = bombs.computeIfAbsent(variant, HostileInputs::bomb);
        String ext = switch (variant) {
            case "zeros", "letters", "double" -> ".txt.gz";
            case "blank-lines" -> ".jsonl.gz";
            case "html" -> ".html.gz";
            default -> ".xml.gz";
        };
        return new HostileInput("gzip-bomb", name(ext), bomb);
    }

    /** A gzip stream small on disk that expands to hundreds of MiB, written without holding the expansion. */
    private static byte[] bomb(String variant) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            switch (variant) {
                case "zeros" -> repeat(gz, new byte[1 << 16], BOMB_BYTES);
                case "blank-lines" -> repeat(gz, filled('\n'), BLANK_LINES_BOMB_BYTES);
                case "letters" -> {
                    gz.write("A headline over a very long word\n\n".getBytes(StandardCharsets.US_ASCII));
                    repeat(gz, filled('a'), BOMB_BYTES);
                }
                case "html" -> {
                    gz.write("<html><head><title>Bomb</title></head><body><article>".getBytes(StandardCharsets.US_ASCII));
                    repeat(gz, "<p>word word.</p>".repeat(4096).getBytes(StandardCharsets.US_ASCII), BOMB_BYTES);
                }
                case "feed" -> {
                    gz.write(("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item>"
                            + "<title>Bomb</title><link>https://news.example.org/b</link><description>")
                            .getBytes(StandardCharsets.US_ASCII));
                    repeat(gz, "words and words ".repeat(4096).getBytes(StandardCharsets.US_ASCII), BOMB_BYTES);
                    gz.write("</description></item></channel></rss>".getBytes(StandardCharsets.US_ASCII));
                }
                default -> gz.write(bomb("zeros"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] filled(char c) {
        byte[] b = new byte[1 << 16];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static void repeat(OutputStream out, byte[] chunk, long total) throws IOException {
        for (long written = 0; written < total; written += chunk.length) {
            out.write(chunk);
        }
    }

    // ----- nesting -----------------------------------------------------------------------------------------------

    private int depth() {
        return random.nextInt(10) == 0 ? 10_000 + random.nextInt(90_001) : 10_000 + random.nextInt(5_001);
    }

    private String nestedMarkup(int depth, String inner) {
        String tag = pick(TAGS);
        boolean close = random.nextBoolean();
        StringBuilder b = new StringBuilder(depth * (tag.length() * 2 + 5) + inner.length());
        for (int d = 0; d < depth; d++) {
            b.append('<').append(random.nextInt(50) == 0 ? pick(TAGS) : tag).append('>');
        }
        b.append(inner);
        if (close) {
            for (int d = 0; d < depth; d++) {
                b.append("</").append(tag).append('>');
            }
        }
        return b.toString();
    }

    private HostileInput nestedHtml() {
        Story s = story();
        String nested = nestedMarkup(depth(), paragraphs(s.text));
        return switch (random.nextInt(4)) {
            case 0, 1 -> text("nested-html", ".html", html(s.title, s.outlet, s.date, nested));
            case 2 -> text("nested-html", ".xml", rss(List.of(item(s.title, "https://news.example.org/" + s.id,
                    "<![CDATA[" + nested + "]]>"))));
            default -> text("nested-html", ".jsonl", jsonLine(s.id, s.title, s.outlet, s.date, nested) + "\n");
        };
    }

    private HostileInput nestedJson() {
        Story s = story();
        int depth = depth();
        boolean arrays = random.nextBoolean();
        StringBuilder nested = new StringBuilder(depth * 6);
        for (int d = 0; d < depth; d++) {
            nested.append(arrays ? "[" : "{\"a\":");
        }
        nested.append("1");
        for (int d = 0; d < depth; d++) {
            nested.append(arrays ? "]" : "}");
        }
        String line = switch (random.nextInt(3)) {
            case 0 -> nested.toString();
            case 1 -> "{\"id\": \"" + s.id + "\", \"title\": " + nested + ", \"text\": " + json(s.text) + "}";
            default -> "{\"id\": \"" + s.id + "\", \"title\": " + json(s.title) + ", \"text\": " + json(s.text)
                    + ", \"extra\": " + nested + "}";
        };
        String body = random.nextBoolean() ? line + "\n" : normalJsonLine() + "\n" + line + "\n" + normalJsonLine() + "\n";
        return text("nested-json", random.nextInt(4) == 0 ? ".json" : ".jsonl", body);
    }

    // ----- huge tokens, titles, sentences ------------------------------------------------------------------------

    private String hugeWord(int length) {
        String unit = switch (random.nextInt(6)) {
            case 0 -> "a";
            case 1 -> "ab1";
            case 2 -> "\u6f22\u5b57";
            case 3 -> "\ud83d\ude00";
            case 4 -> "https://example.org/" + "x".repeat(16) + "/";
            default -> "\u0416";
        };
        StringBuilder b = new StringBuilder(length + unit.length());
        while (b.length() < length) {
            b.append(unit);
        }
        return b.toString();
    }

    private HostileInput hugeToken() {
        Story s = story();
        String word = hugeWord(random.nextInt(4) == 0 ? 20_000 + random.nextInt(280_000) : 60_000);
        String title = s.title;
        String text = s.text;
        String outlet = s.outlet;
        switch (random.nextInt(4)) {
            case 0 -> title = title + " " + word;
            case 1 -> text = text + " " + word + ".";
            case 2 -> {
                title = word;
                text = word + "\n\n" + text;
            }
            default -> outlet = word;
        }
        return switch (random.nextInt(4)) {
            case 0 -> text("huge-token", ".txt", title + "\n\n" + text);
            case 1 -> text("huge-token", ".html", html(title, outlet, s.date, paragraphs(text)));
            case 2 -> text("huge-token", ".xml", rss(List.of(item(title, "https://news.example.org/" + s.id,
                    escapeXml(text)))));
            default -> text("huge-token", ".jsonl", jsonLine(s.id, title, outlet, s.date, text) + "\n");
        };
    }

    private String words(int chars) {
        StringBuilder b = new StringBuilder(chars + 16);
        while (b.length() < chars) {
            b.append(pick(PLACES)).append(' ').append(pick(EVENTS)).append(' ');
        }
        return b.toString().strip();
    }

    private HostileInput longTitle() {
        Story s = story();
        String title = words(random.nextInt(3) == 0 ? 200_000 + random.nextInt(800_000) : 2_000 + random.nextInt(50_000));
        return switch (random.nextInt(4)) {
            case 0 -> text("long-title", ".html", html(title, s.outlet, s.date, paragraphs(s.text)));
            case 1 -> text("long-title", ".xml", rss(List.of(item(escapeXml(title), "https://news.example.org/"
                    + s.id, escapeXml(s.text)))));
            case 2 -> text("long-title", ".txt", title + "\n\n" + s.text);
            default -> text("long-title", ".jsonl", jsonLine(s.id, title, words(random.nextInt(5_000)), s.date,
                    s.text) + "\n");
        };
    }

    private HostileInput longSentence() {
        Story s = story();
        String sentence = words(50_000 + random.nextInt(250_000));
        return switch (random.nextInt(3)) {
            case 0 -> text("long-sentence", ".txt", s.title + "\n\n" + s.text + "\n\n" + sentence);
            case 1 -> text("long-sentence", ".html", html(s.title, s.outlet, s.date, "<p>" + sentence + "</p>"));
            default -> text("long-sentence", ".jsonl", jsonLine(s.id, s.title, s.outlet, s.date,
                    s.text + " " + sentence) + "\n");
        };
    }

    /** A JSON Lines input with a 10 MB title, outlet or text, whatever the bound on their number. */
    HostileInput hugeStringInput() {
        hugeStringsMade++;
        return hugeString();
    }

    /** A 10 MB title, outlet or text. */
    private HostileInput hugeString() {
        Story s = story();
        String huge = words(10_000_000);
        return switch (hugeStringsMade % 3) {
            case 0 -> text("huge-string", ".jsonl", jsonLine(s.id, huge, s.outlet, s.date, s.text) + "\n");
            case 1 -> text("huge-string", ".jsonl", jsonLine(s.id, s.title, huge, s.date, s.text) + "\n");
            default -> text("huge-string", ".jsonl", jsonLine(s.id, s.title, s.outlet, s.date, huge) + "\n");
        };
    }

    // ----- control characters and encodings ----------------------------------------------------------------------

    private String nasty(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int k = 0; k < 1 + random.nextInt(6); k++) {
            b.insert(random.nextInt(b.length() + 1), pick(NASTY));
        }
        return b.toString();
    }

    private HostileInput controlChars() {
        Story s = story();
        String title = nasty(s.title);
        String outlet = nasty(s.outlet);
        String text = random.nextBoolean() ? nasty(s.text) : s.text;
        return switch (random.nextInt(3)) {
            case 0 -> text("control-chars", ".txt", title + "\n\n" + text);
            case 1 -> text("control-chars", ".html", html(escapeXml(title), escapeXml(outlet), s.date,
                    paragraphs(text)));
            default -> text("control-chars", ".jsonl", jsonLine(s.id, title, outlet, s.date, text) + "\n");
        };
    }

    private HostileInput badEncoding() {
        Story s = story();
        String plain = s.title + "\n\n" + s.text;
        byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {(byte) 0xFE},
            {(byte) 0x80}, {(byte) 0xBF, (byte) 0xBF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        String ext = pick(new String[] {".txt", ".html", ".jsonl"});
        String source = switch (ext) {
            case ".html" -> html(s.title, s.outlet, s.date, paragraphs(s.text));
            case ".jsonl" -> jsonLine(s.id, s.title, s.outlet, s.date, s.text) + "\n";
            default -> plain;
        };
        byte[] bytes = switch (random.nextInt(6)) {
            case 0 -> source.getBytes(StandardCharsets.UTF_16LE);
            case 1 -> source.getBytes(StandardCharsets.UTF_16BE);
            case 2 -> source.getBytes(Charset.forName("UTF-32"));
            case 3 -> (source.replace("a", "\u0436")).getBytes(Charset.forName("windows-1251"));
            case 4 -> ext.equals(".jsonl")
                    ? (jsonLine(s.id, s.title, s.outlet, s.date, s.text).replace("\"title\": \"",
                    "\"title\": \"\\ud800\\udfff\\udc00 ") + "\n").getBytes(StandardCharsets.UTF_8)
                    : spliced(source.getBytes(StandardCharsets.UTF_8), bad);
            default -> spliced(source.getBytes(StandardCharsets.UTF_8), bad);
        };
        return new HostileInput("bad-encoding", name(ext), bytes);
    }

    private byte[] spliced(byte[] clean, byte[][] bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        for (int k = 0; k < 1 + random.nextInt(12); k++) {
            int next = at + random.nextInt(Math.max(1, (clean.length - at) / 2 + 1));
            out.write(clean, at, next - at);
            byte[] b = pick(bad);
            out.write(b, 0, b.length);
            at = next;
        }
        out.write(clean, at, clean.length - at);
        return out.toByteArray();
    }

    // ----- malformed formats -------------------------------------------------------------------------------------

    private HostileInput malformedFeed() {
        Story s = story();
        String good = item(s.title, "https://news.example.org/" + s.id, escapeXml(s.text));
        String feed = switch (random.nextInt(14)) {
            case 0 -> "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;"
                    + "&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"
                    + "&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"
                    + "&lol3;\">]>\n" + rss(List.of(item("&lol4;", "https://news.example.org/l", "&lol4;")))
                    .replaceFirst("<\\?xml[^>]*>", "");
            case 1 -> "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                    + rss(List.of(item("&xxe;", "https://news.example.org/x", "&xxe; " + escapeXml(s.text))))
                    .replaceFirst("<\\?xml[^>]*>", "");
            case 2 -> "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                    + rss(List.of(good)).replaceFirst("<\\?xml[^>]*>", "");
            case 3 -> {
                String whole = rss(List.of(good, good));
                yield whole.substring(0, 1 + random.nextInt(whole.length() - 1));
            }
            case 4 -> "<rss version=\"2.0\"><channel><title>t</title><item><title>" + s.title
                    + "<description>" + escapeXml(s.text) + "</item></channel>";
            case 5 -> rss(List.of(good)).replace("<pubDate>", "<pubDate>99 Smarch 99999 ");
            case 6 -> "<?xml version=\"1.0\" encoding=\"UTF-32\"?>" + rss(List.of(good)).replaceFirst("<\\?xml[^>]*>", "");
            case 7 -> "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>"
                    + rss(List.of(good)).replaceFirst("<\\?xml[^>]*>", "");
            case 8 -> rss(List.of(good)).replace("</description>", "&#0;&#x1b;[31m&#xD800;</description>");
            case 9 -> rss(List.of(item(s.title, "javascript:alert(1)", ""), item(s.title, "file:///etc/passwd", ""),
                    item(s.title, "ftp://example.org/x", ""), item(s.title, "", ""), item("", "not a url", "")));
            case 10 -> "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>" + s.title
                    + "</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                    + nestedMarkup(2_000 + random.nextInt(8_000), escapeXml(s.text)) + "</div></content></entry></feed>";
            case 11 -> rss(List.of(good)).replace("<item>", "<item b=\""
                    + "v".repeat(100_000 + random.nextInt(900_000)) + "\">");
            case 12 -> "<?xml version=\"1.0\"?><?xml-stylesheet href=\"http://127.0.0.1:9/x.xsl\"?>"
                    + "<rss version=\"2.0\"><channel><item><title><![CDATA[" + s.title + "</title></item></channel></rss>";
            default -> "<rss version=\"0.0\"><channel>" + "<item></item>".repeat(1 + random.nextInt(200))
                    + "</channel></rss>";
        };
        return text("malformed-feed", pick(new String[] {".xml", ".rss", ".atom", ".txt"}), feed);
    }

    private HostileInput malformedHtml() {
        Story s = story();
        String body = paragraphs(s.text);
        String page = switch (random.nextInt(12)) {
            case 0 -> "<html><head><title>" + s.title + "<body><p>" + s.text.replace("\n\n", "<p>");
            case 1 -> "<html><body><script>" + "var x = 1;".repeat(1 + random.nextInt(5000)) + "</script></body></html>";
            case 2 -> "<html><!-- " + s.title + "<body>" + body;
            case 3 -> "<html><body><div " + "a=\"1\" ".repeat(10_000 + random.nextInt(40_000)) + ">" + body
                    + "</div></body></html>";
            case 4 -> "<html><head><meta charset=\"x-no-such-charset\"><title>" + s.title + "</title></head><body>"
                    + body + "</body></html>";
            case 5 -> "<html><head><base href=\"javascript:alert(1)//\"><meta property=\"og:url\" content=\"javascript:"
                    + "alert(1)\"><title>" + s.title + "</title></head><body>" + body + "</body></html>";
            case 6 -> html(s.title, s.outlet, s.date, body).replace("</head>", "<script type=\"application/ld+json\">"
                    + "{\"@type\": \"NewsArticle\", \"datePublished\": [[[{\"x\": \"" + "9".repeat(5000)
                    + "\"}]]], \"publisher\": {\"name\": {\"name\": null}}" + "</script></head>");
            case 7 -> "<frameset><frame src=\"http://127.0.0.1/\"></frameset><noframes>" + body + "</noframes>";
            case 8 -> "<plaintext>" + s.title + "\n\n" + s.text;
            case 9 -> "<html><body>" + "<table>".repeat(500 + random.nextInt(3000)) + body + "</body></html>";
            case 10 -> html(s.title, s.outlet, "0000-00-00T99:99:99Z", body).replace("<title>",
                    "<meta property=\"article:published_time\" content=\"-999999999-01-01\"><title>");
            default -> "<" + "<".repeat(random.nextInt(1000)) + "html>" + body.replace("</p>", "<p") + "&#xFFFFFFF;&#0;";
        };
        return text("malformed-html", pick(new String[] {".html", ".htm", ".txt", ""}), page);
    }

    private HostileInput malformedJsonLines() {
        Story s = story();
        String[] lines = {
            "{\"title\": 5, \"text\": [\"a\", \"b\"]}",
            "{\"text\": {\"a\": 1}, \"title\": true}",
            "{\"text\": null, \"title\": null, \"outlet\": null}",
            "null", "42", "\"a string\"", "[]", "true", "{}",
            jsonLine(s.id, s.title, s.outlet, s.date, s.text) + "}}}garbage",
            "{\"id\": \"x\", \"id\": \"y\", \"text\": " + json(s.text) + "}",
            "{\"text\": " + json(s.text) + ", \"publishedAt\": NaN}",
            "{\"text\": " + json(s.text) + ", \"n\": 1e999999999}",
            "{\"text\": " + json(s.text) + ", \"n\": " + "9".repeat(20_000) + "}",
            "{'text': 'single quotes'}",
            "// a comment\n{\"text\": " + json(s.text) + "}",
            "{\"text\": \"unterminated",
            "{\"text\": " + json(s.text) + ", \"publishedAt\": \"9999-99-99\"}",
            "{\"text\": " + json(s.text) + ", \"publishedAt\": \"-999999999-01-01\"}",
            "{\"text\": " + json(s.text) + ", \"publishedAt\": 1700000000000}",
            "{\"text\": " + json(s.text) + ", \"url\": \"javascript:alert(1)\"}",
            "{\"text\": " + json(s.text) + ", \"url\": \"https://example.org/" + "a".repeat(10_000) + "\"}",
            "{\"id\": \"../../etc/passwd\", \"text\": " + json(s.text) + "}",
            "{\"id\": \"a\\u0000b/c\\\\d\", \"text\": " + json(s.text) + "}",
            "{\"id\": " + json("i".repeat(5000)) + ", \"text\": " + json(s.text) + "}",
            "{\"text\": " + json(s.text) + ", \"language\": \"xx-evil-" + "z".repeat(300) + "\"}",
            "\ufeff" + jsonLine(s.id, s.title, s.outlet, s.date, s.text),
            "{\"text\": " + json(s.text) + "}\r",
            "{\"text\": \"" + "\\\\".repeat(10_000) + "\"}",
            "{\"text\": \"" + "\\u".repeat(3) + "\"}",
            "{\"title\": " + json(s.title) + ", \"text\": \"   \"}",
            "{\"" + "k".repeat(60_000) + "\": 1, \"text\": " + json(s.text) + "}",
        };
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(6);
        for (int k = 0; k < n; k++) {
            b.append(random.nextInt(4) == 0 ? normalJsonLine() : pick(lines)).append(random.nextInt(8) == 0 ? "\n\n" : "\n");
        }
        if (random.nextInt(5) == 0) {
            StringBuilder many = new StringBuilder("{");
            for (int k = 0; k < 20_000; k++) {
                many.append("\"k").append(k).append("\": ").append(k).append(", ");
            }
            b.append(many).append("\"text\": ").append(json(s.text)).append("}\n");
        }
        return text("malformed-jsonl", random.nextInt(5) == 0 ? ".json" : ".jsonl", b.toString());
    }

    private HostileInput warcGarbage() {
        Story s = story();
        String page = html(s.title, s.outlet, s.date, paragraphs(s.text));
        String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
        int len = http.getBytes(StandardCharsets.UTF_8).length;
        String header = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + s.id + ">\r\n"
                + "WARC-Target-URI: https://news.example.org/" + s.id + "\r\nWARC-Date: 2025-03-01T00:00:00Z\r\n"
                + "Content-Type: application/http; msgtype=response\r\n";
        String warc = switch (random.nextInt(9)) {
            case 0 -> header + "Content-Length: " + len + "\r\n\r\n" + http;                       // no trailing CRLFs
            case 1 -> header + "Content-Length: 999999999999\r\n\r\n" + http + "\r\n\r\n";
            case 2 -> header + "Content-Length: -5\r\n\r\n" + http + "\r\n\r\n";
            case 3 -> header + "Content-Length: abc\r\n\r\n" + http + "\r\n\r\n";
            case 4 -> header + "Content-Length: " + len + "\r\n\r\n" + http.substring(0, http.length() / 2);
            case 5 -> header.replace("WARC-Target-URI: https://news.example.org/" + s.id,
                    "WARC-Target-URI: " + "h".repeat(100_000)) + "Content-Length: " + len + "\r\n\r\n" + http + "\r\n\r\n";
            case 6 -> "WARC/1.0\r\n" + "X-Header: value\r\n".repeat(50_000) + "\r\n";
            case 7 -> {
                String bad = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n" + s.text;
                yield header + "Content-Length: " + bad.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + bad
                        + "\r\n\r\n";
            }
            default -> "WARC/1.0\r\n" + "\u0000\u0001garbage".repeat(1 + random.nextInt(1000));
        };
        byte[] bytes = warc.getBytes(StandardCharsets.UTF_8);
        boolean zipped = random.nextInt(3) == 0;
        return new HostileInput("warc-garbage", name(zipped ? ".warc.gz" : ".warc"), zipped ? gzip(bytes) : bytes);
    }

    // ----- feeds -------------------------------------------------------------------------------------------------

    private HostileInput bigFeed() {
        int entries = 2_000 + random.nextInt(3_001);
        StringBuilder items = new StringBuilder();
        java.util.ArrayList<String> list = new java.util.ArrayList<>(entries);
        for (int k = 0; k < entries; k++) {
            Story s = story();
            list.add(item(s.title, "https://news.example.org/" + s.id, escapeXml(s.text.substring(0,
                    s.text.indexOf('\n')))));
        }
        items.append(rss(list));
        return text("big-feed", ".xml", items.toString());
    }

    private HostileInput insideLinksFeed() {
        Story s = story();
        java.util.ArrayList<String> items = new java.util.ArrayList<>();
        items.add(item(s.title, "https://news.example.org/" + s.id, escapeXml(s.text)));
        int n = 1 + random.nextInt(Math.min(3, insideLinks.size()));
        for (int k = 0; k < n; k++) {
            items.add(item("Inside " + k, pick(insideLinks.toArray(String[]::new)), ""));
        }
        return text("inside-links-feed", ".xml", rss(items));
    }

    // ----- helpers -----------------------------------------------------------------------------------------------

    private HostileInput text(String kind, String ext, String content) {
        return new HostileInput(kind, name(ext), content.getBytes(StandardCharsets.UTF_8));
    }

    private String name(String ext) {
        return String.format("%05d%s", produced, ext);
    }

    private static String extensionOf(String fileName) {
        int dot = fileName.indexOf('.');
        return dot < 0 ? "" : fileName.substring(dot);
    }

    private <T> T pick(T[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String paragraphs(String text) {
        StringBuilder b = new StringBuilder();
        for (String p : text.split("\n\n")) {
            b.append("<p>").append(escapeXml(p)).append("</p>\n");
        }
        return b.toString();
    }

    private static String html(String title, String outlet, String date, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta property=\"og:site_name\" content=\"" + outlet.replace("\"", "&quot;") + "\">"
                + "<meta property=\"article:published_time\" content=\"" + date + "\"></head>"
                + "<body><article><h1>" + title + "</h1>\n" + body + "</article></body></html>";
    }

    private static String item(String title, String link, String description) {
        return "<item><title>" + title + "</title><link>" + link + "</link>"
                + (description.isEmpty() ? "" : "<description>" + description + "</description>")
                + "<pubDate>Mon, 10 Mar 2025 08:00:00 GMT</pubDate></item>";
    }

    private static String rss(List<String> items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Fuzz news</title>"
                + "<link>https://news.example.org/</link><description>generated</description>\n"
                + String.join("\n", items) + "\n</channel></rss>\n";
    }

    private static String atom(String title, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Fuzz"
                + "</title><id>urn:fuzz</id><updated>2025-03-10T08:00:00Z</updated><entry><title>" + escapeXml(title)
                + "</title><id>urn:fuzz:" + title.hashCode() + "</id><link href=\"https://news.example.org/a\"/>"
                + "<updated>2025-03-10T08:00:00Z</updated><content type=\"text\">" + content + "</content></entry>"
                + "</feed>\n";
    }

    static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String jsonLine(String id, String title, String outlet, String date, String text) {
        return "{\"id\": " + json(id) + ", \"title\": " + json(title) + ", \"outlet\": " + json(outlet)
                + ", \"publishedAt\": " + json(date) + ", \"text\": " + json(text) + "}";
    }

    /** A JSON string literal; every control character escaped, everything else as it is. */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
