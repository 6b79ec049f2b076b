package org.storylens.fuzz;

import org.junit.jupiter.api.Test;
import org.storylens.ingest.Limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz generator is reproducible, bounds its costly kinds, and its bombs are what they claim to be. */
class HostileInputsTest {

    private static final List<String> INSIDE = List.of("http://127.0.0.1:9/secret");

    private static List<HostileInput> generate(long seed, int count) {
        HostileInputs generator = new HostileInputs(seed, INSIDE).capped(count);
        List<HostileInput> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(generator.next());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameInputsAndAnotherSeedOthers() {
        List<HostileInput> a = generate(7, 300);
        List<HostileInput> b = generate(7, 300);
        List<HostileInput> c = generate(8, 300);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).kind()).isEqualTo(a.get(i).kind());
            assertThat(b.get(i).fileName()).isEqualTo(a.get(i).fileName());
            assertThat(b.get(i).bytes()).as(a.get(i).toString()).isEqualTo(a.get(i).bytes());
        }
        assertThat(c.stream().map(HostileInput::kind).toList()).isNotEqualTo(a.stream().map(HostileInput::kind).toList());
    }

    @Test
    void costlyKindsStayWithinTheirCapsAndEveryOtherKindIsDrawn() {
        Map<String, Integer> kinds = new TreeMap<>();
        generate(11, 1_000).forEach(h -> kinds.merge(h.kind(), 1, Integer::sum));
        assertThat(kinds.get("nested-html")).isBetween(1, 6);
        assertThat(kinds.get("long-sentence")).isBetween(1, 6);
        assertThat(kinds.get("long-title")).isBetween(1, 12);
        assertThat(kinds.get("huge-token")).isBetween(1, 25);
        assertThat(kinds.get("gzip-bomb")).isEqualTo(1);
        assertThat(kinds).containsKeys(HostileInputs.NORMAL, "binary", "empty", "gzip-valid", "gzip-truncated",
                "nested-json", "control-chars", "bad-encoding", "malformed-feed", "malformed-html", "malformed-jsonl",
                "warc-garbage", "inside-links-feed");
    }

    @Test
    void aGzipBombIsSmallOnDiskAndExpandsPastTheDecompressionLimit() throws IOException {
        HostileInput bomb = generate(3, 351).get(350);
        assertThat(bomb.kind()).isEqualTo("gzip-bomb");
        assertThat(bomb.bytes().length).isLessThan(2 << 20);
        long expanded = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bomb.bytes()))) {
            for (int n; (n = in.read(buffer)) >= 0 && expanded <= Limits.MAX_DECOMPRESSED_BYTES; ) {
                expanded += n;
            }
        }
        assertThat(expanded).isGreaterThan(Limits.MAX_DECOMPRESSED_BYTES);
    }

    @Test
    void aHugeTokenInputHoldsOneRunOfAtLeast20000CharactersWithoutASpace() {
        HostileInputs generator = new HostileInputs(5, INSIDE).capped(10_000);
        HostileInput huge = null;
        for (int i = 0; i < 2_000 && huge == null; i++) {
            HostileInput h = generator.next();
            huge = h.kind().equals("huge-token") ? h : null;
        }
        assertThat(huge).isNotNull();
        String text = new String(huge.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        int longest = 0;
        for (String run : text.split("[\\s<>\"]+")) {
            longest = Math.max(longest, run.length());
        }
        assertThat(longest).as(huge.toString()).isGreaterThanOrEqualTo(Math.max(20_000, 100 * Limits.MAX_TOKEN_CHARS));
    }
}
