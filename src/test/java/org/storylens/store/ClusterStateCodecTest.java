package org.storylens.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.storylens.cluster.ArticleFeatures;
import org.storylens.cluster.CentroidStoryClusterer;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.StoryAssignment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.storylens.store.ArticleStoreStoriesTest.features;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

class ClusterStateCodecTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 11);
    private static final String QUAKE = "A strong earthquake struck the island on Tuesday, collapsing houses and "
            + "cutting roads; rescuers searched the rubble for survivors as aftershocks shook the coast.";
    private static final String FLOOD = "Floodwater from the swollen river forced thousands from their homes as "
            + "embankments gave way and the army brought sandbags to the low-lying districts.";

    private final ClusterStateCodec codec = new ClusterStateCodec();

    @Test
    void aClustererRestoredFromTheEncodedStatePlacesTheNextArticlesAsTheUninterruptedOne() throws Exception {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer uninterrupted = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<StoryAssignment> expected = stream.stream().map(uninterrupted::assign).toList();

        CentroidStoryClusterer first = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        stream.subList(0, 3).forEach(first::assign);
        ClusterSnapshot saved = first.snapshot();
        ClusterSnapshot read = codec.read(codec.write(saved));
        assertSameVectors(read, saved);
        CentroidStoryClusterer restored = CentroidStoryClusterer.restore(ClusterConfig.DEFAULT, read);
        List<StoryAssignment> rest = stream.subList(3, stream.size()).stream().map(restored::assign).toList();

        // the same decisions; a score may differ in its last bit, as after any restore (a centroid's terms are summed
        // in the order of an immutable map's per-JVM iteration)
        assertThat(rest).extracting(StoryAssignment::articleId, StoryAssignment::storyId, StoryAssignment::opened,
                        StoryAssignment::copyOf)
                .isEqualTo(expected.subList(3, expected.size()).stream()
                        .map(a -> tuple(a.articleId(), a.storyId(), a.opened(), a.copyOf())).toList());
        for (int i = 0; i < rest.size(); i++) {
            assertThat(rest.get(i).score()).isCloseTo(expected.get(3 + i).score(), offset(1e-9));
        }
        assertThat(restored.stories()).isEqualTo(uninterrupted.stories());
    }

    @Test
    void aStateSavedWithVectorsAsNumberArraysStillReads() throws Exception {
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        stream().forEach(clusterer::assign);
        ClusterSnapshot saved = clusterer.snapshot();
        // as an earlier version wrote it: plain JSON number arrays, gzipped
        ObjectMapper plain = new ObjectMapper().registerModule(StoreJson.isoDates());
        String json = plain.writeValueAsString(saved);
        assertThat(json).contains("\"embeddingSum\":[");

        ClusterSnapshot read = codec.read(gzip(json));

        assertSameVectors(read, saved);
        assertThat(read.documentFrequencies()).isEqualTo(saved.documentFrequencies());
        assertThat(read.index()).isEqualTo(saved.index());
    }

    @Test
    void vectorsAreWrittenAsBase64BitsNotNumbers() throws Exception {
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        stream().forEach(clusterer::assign);

        String json = gunzip(codec.write(clusterer.snapshot()));

        assertThat(json).contains("\"embeddingSum\":\"").contains("\"minHash\":\"").doesNotContain("\"embedding\":[");
    }

    @Test
    void aVectorWhoseBitsAreNoWholeNumberOfFloatsIsReportedAsUnreadable() throws Exception {
        byte[] broken = gzip("{\"articles\":1,\"clock\":\"2025-03-11\",\"documentFrequencies\":{},\"stories\":[{"
                + "\"story\":{\"id\":\"s-1\",\"articles\":[{\"id\":\"q1\",\"outlet\":\"Reuters\"}],"
                + "\"independentSources\":1},\"open\":true,\"centroid\":{},\"embeddingSum\":\"AAAAAAA=\","
                + "\"members\":[],\"years\":[]}],\"index\":{}}");

        assertThatThrownBy(() -> codec.read(broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("float vector of 5 bytes");
    }

    private static void assertSameVectors(ClusterSnapshot read, ClusterSnapshot saved) {
        assertThat(read.stories()).hasSameSizeAs(saved.stories());
        for (int i = 0; i < saved.stories().size(); i++) {
            ClusterSnapshot.StoryState want = saved.stories().get(i);
            ClusterSnapshot.StoryState got = read.stories().get(i);
            assertThat(got.story()).isEqualTo(want.story());
            assertThat(got.centroid()).isEqualTo(want.centroid());
            assertThat(got.embeddingSum()).containsExactly(want.embeddingSum());
            assertThat(got.members()).hasSameSizeAs(want.members());
            for (int m = 0; m < want.members().size(); m++) {
                assertThat(got.members().get(m).id()).isEqualTo(want.members().get(m).id());
                assertThat(got.members().get(m).minHash()).containsExactly(want.members().get(m).minHash());
                assertThat(got.members().get(m).embedding()).containsExactly(want.members().get(m).embedding());
            }
        }
    }

    private static List<ArticleFeatures> stream() {
        return List.of(
                features("q1", "Reuters", DAY, "Quake hits southern island", QUAKE, "qeshm iran", 0),
                features("f1", "BBC", DAY, "Floods force thousands from homes", FLOOD, "danube serbia", 1),
                features("q2", "AP", DAY.plusDays(1), "Island quake kills ten", QUAKE + " dead toll",
                        "qeshm iran bandar abbas", 0),
                features("q3", "CNN", DAY.plusDays(1), "Aftershocks rattle island", QUAKE + " tents", "qeshm iran", 0),
                features("f2", "DW", DAY.plusDays(2), "River floods reach capital", FLOOD + " capital",
                        "danube belgrade serbia", 1),
                features("q4", "AFP", DAY.plusDays(2), "Quake survivors in tents", QUAKE + " survivors",
                        "qeshm iran", 0));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
