package org.storylens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.store.StoredStory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storylens.cli.ArticleLines.line;

class TerminalTextTest {

    /** Characters a terminal acts on, or that reorder or hide text: each must reach the screen as an escape. */
    private static final int[] HOSTILE = {0x1b, 0x07, 0x08, 0x0d, 0x00, 0x7f, 0x9b, 0x9d, 0x85, 0x202e, 0x202d,
            0x202a, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c, 0x2028};

    @TempDir
    Path dir;

    /** Headlines with the given number of hostile sequences (ANSI colour, OSC title, bidi override...) mixed in. */
    private static List<String> hostileTitles(long seed, int count) {
        Random random = new Random(seed);
        String[] words = {"Dam", "spillway", "collapses", "near", "Meravik", "villages", "evacuated", "minister"};
        String[] sequences = {"\u001b[31m", "\u001b]0;owned\u0007", "\u001b[2J\u001b[H", "\u009b1m", "\u202egnp.exe",
                "\u2066isolated\u2069", "\r\u001b[K", "\u0008\u0008\u0008"};
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder t = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                t.append(words[random.nextInt(words.length)]);
                t.append(random.nextInt(3) == 0 ? sequences[random.nextInt(sequences.length)] : " ");
            }
            t.appendCodePoint(HOSTILE[i % HOSTILE.length]).append(" end");
            titles.add(t.toString());
        }
        return titles;
    }

    /** Whether the printed text holds a character of the hostile kind anywhere but the line ends of the table. */
    private static boolean holdsUnsafeCharacter(String printed) {
        return printed.replace("\n", "").codePoints().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029);
    }

    @Test
    void showsEscapeSequencesAndBidiOverridesAsVisibleEscapes() {
        assertThat(TerminalText.escape("Red \u001b[31malert\u001b[0m")).isEqualTo("Red \\e[31malert\\e[0m");
        assertThat(TerminalText.escape("\u001b]0;title\u0007x")).isEqualTo("\\e]0;title\\u0007x");
        assertThat(TerminalText.escape("invoice\u202efdp.exe")).isEqualTo("invoice\\u202efdp.exe");
        assertThat(TerminalText.escape("a\u009bb\u0085c")).isEqualTo("a\\u009bb\\u0085c");
        assertThat(TerminalText.escape("one\ntwo\tthree\r")).isEqualTo("one\\ntwo\\tthree\\r");
        assertThat(TerminalText.escape("lone \ud800 half")).isEqualTo("lone \\ud800 half");
    }

    @Test
    void leavesOrdinaryTextOfEveryScriptAlone() {
        for (String s : List.of("Плотина прорвалась", "سد ينهار قرب القرية", "大坝溃决", "Zürich – “quoted” 😀",
                "C:\\path and \\e literally")) {
            assertThat(TerminalText.escape(s)).isEqualTo(s);
        }
        assertThat(TerminalText.escape(null)).isNull();
    }

    @Test
    void cutsACellWithoutSplittingAnEscape() {
        String cell = TerminalText.cell("abcdefgh\u001b[31m", 10); // "abcdefgh\e[31m" is 13 wide
        assertThat(cell).isEqualTo("abcdefgh…");
        assertThat(TerminalText.cell("abcdefg\u202ehij", 10)).isEqualTo("abcdefg…");
        assertThat(TerminalText.cell("line one\nline two", 40)).isEqualTo("line one line two");
        assertThat(TerminalText.cell("ab😀cdefghijk", 4)).isEqualTo("ab😀…");
    }

    @Test
    void storyTablePrintsGeneratedHostileTitlesEscaped() {
        List<String> titles = hostileTitles(12, 40);
        List<StoredStory> stories = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            stories.add(new StoredStory("s-" + i, titles.get(i), 2, 1, LocalDate.of(2025, 3, 11),
                    LocalDate.of(2025, 3, 12)));
        }
        StringWriter printed = new StringWriter();
        new StoryTable().print(stories, new PrintWriter(printed, true));

        assertThat(holdsUnsafeCharacter(printed.toString())).isFalse();
        assertThat(printed.toString().lines()).hasSize(titles.size() + 2);
        assertThat(printed.toString()).contains("\\e[31m").contains("\\u202e");
    }

    @Test
    void articlesTableEscapesHostileTitlesAndOutletsWhileJsonKeepsThem() throws Exception {
        List<String> titles = hostileTitles(7, 20);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            lines.add(line("hostile-" + i, titles.get(i), "The spillway of the Lower Sola dam near Meravik collapsed "
                    + "on Tuesday, releasing water into the river, governor number " + i + " said.",
                    "2025-03-11", "Herald\u001b[5m\u202e" + i));
        }
        Path input = dir.resolve("hostile.jsonl");
        Files.write(input, lines);

        CliRun table = CliRun.of("articles", input.toString(), "--format", "table");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines()).hasSize(titles.size() + 2);
        assertThat(holdsUnsafeCharacter(table.out())).isFalse();
        assertThat(table.out()).contains("Herald\\e[5m\\u202e");

        CliRun json = CliRun.of("articles", input.toString(), "--format", "json");
        assertThat(json.exitCode()).isZero();
        JsonNode articles = new ObjectMapper().readTree(json.out()).get("articles");
        assertThat(articles).hasSize(titles.size());
        assertThat(articles.get(0).get("outlet").asText()).isEqualTo("Herald\u001b[5m\u202e0");
    }
}
