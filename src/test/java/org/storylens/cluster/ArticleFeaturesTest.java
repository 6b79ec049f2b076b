package org.storylens.cluster;

import org.junit.jupiter.api.Test;
import org.storylens.ingest.Limits;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFeaturesTest {

    @Test
    void aTermLongerThanTheStateLimitIsNeverAFeature() {
        String runOn = "x".repeat(60_000);
        String longest = "y".repeat(Limits.MAX_STATE_TERM_CHARS);
        Map<TermField, Map<String, Integer>> terms = new EnumMap<>(TermField.class);
        for (TermField field : TermField.values()) {
            terms.put(field, Map.of(runOn, 3, longest, 1, "harbour", 2));
        }

        ArticleFeatures features = new ArticleFeatures("a1", "Outlet", null, "en", null, terms, null, null);

        for (TermField field : TermField.values()) {
            assertThat(features.terms(field)).containsOnlyKeys(longest, "harbour");
        }
    }

    @Test
    void eachFieldKeepsItsMostFrequentTermsUpToTheLimit() {
        Map<String, Integer> body = new HashMap<>();
        for (int i = 0; i < Limits.MAX_STATE_TERMS_PER_FIELD * 3; i++) {
            body.put("word" + i, 1);
        }
        body.put("strike", 9);
        body.put("dockers", 5);

        ArticleFeatures features = new ArticleFeatures("a1", null, null, "en", null, Map.of(TermField.BODY, body),
                null, null);

        assertThat(features.terms(TermField.BODY)).hasSize(Limits.MAX_STATE_TERMS_PER_FIELD)
                .containsEntry("strike", 9).containsEntry("dockers", 5);
        // the same article always keeps the same terms
        assertThat(new ArticleFeatures("a1", null, null, "en", null, Map.of(TermField.BODY, body), null, null)
                .terms(TermField.BODY)).isEqualTo(features.terms(TermField.BODY));
    }

    @Test
    void anOutletOrLanguageLongerThanTheLimitIsNotKept() {
        String tooLong = "O".repeat(Limits.MAX_OUTLET_CHARS + 1);
        ArticleFeatures features = new ArticleFeatures("a1", tooLong, "AFP", tooLong, null, Map.of(), null, null);
        assertThat(features.outlet()).isNull();
        assertThat(features.language()).isNull();
        assertThat(features.wire()).isEqualTo("AFP");
        assertThat(new ArticleFeatures("a2", "Harbour Times", tooLong, "en", null, Map.of(), null, null))
                .satisfies(f -> {
                    assertThat(f.outlet()).isEqualTo("Harbour Times");
                    assertThat(f.wire()).isNull();
                    assertThat(f.language()).isEqualTo("en");
                });
    }
}
