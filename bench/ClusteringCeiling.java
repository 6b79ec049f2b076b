import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far bag-of-words similarity can separate the two events of an ECB+ topic when the clusterer is told more than
 * any stream clusterer knows: the batch's document frequencies, every article at once (offline average-link
 * clustering), the topic of each article, and (first line) that each topic holds exactly two stories. Also the naive
 * single-pass TF-IDF baseline with a swept threshold. Story-level BCubed F1 against the `story` labels.
 *
 * <pre>java -cp target/storylens.jar bench/ClusteringCeiling.java ../shared/eval/clustering/ecbplus-dev.jsonl [embeddings]</pre>
 * With {@code embeddings}, also the same offline clustering on the all-MiniLM-L6-v2 embedding of headline and first
 * two sentences (what the stream clusterer embeds), alone and added to the bag-of-words cosine.
 */
public class ClusteringCeiling {

    private static final Set<String> STOP = Set.of(("a an the of to in and or for on at by with from as is was were "
            + "be been are that this it its he she they his her their i we you not but have has had will would said "
            + "says").split(" "));
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern NAME = Pattern.compile("(?<![.!?]\\s)\\b([A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*)");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d[\\d,.]*\\b");

    record Doc(String id, String story, String topic, boolean dated, String published, Map<String, Integer> words,
               Map<String, Integer> all, String lead) {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            String text = n.path("title").asText("") + " . " + n.path("text").asText("");
            Map<String, Integer> words = new HashMap<>();
            Matcher w = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (w.find()) {
                if (!STOP.contains(w.group())) {
                    words.merge("w:" + w.group(), 1, Integer::sum);
                }
            }
            Map<String, Integer> all = new HashMap<>(words);
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                for (String part : m.group(1).split("\\s+")) {
                    all.merge("n:" + part.toLowerCase(Locale.ROOT), 3, Integer::sum);
                }
            }
            Matcher d = NUMBER.matcher(text);
            while (d.find()) {
                all.merge("d:" + d.group(), 2, Integer::sum);
            }
            String story = n.get("story").asText();
            String published = n.path("publishedAt").isTextual() ? n.get("publishedAt").asText() : null;
            String[] sentences = n.path("text").asText("").split("(?<=[.!?])\\s+", 3);
            String lead = n.path("title").asText("") + ". " + sentences[0]
                    + (sentences.length > 1 ? " " + sentences[1] : "");
            docs.add(new Doc(n.get("id").asText(), story, story.substring(0, story.lastIndexOf('-')),
                    published != null, published, words, all, lead));
        }
        List<Map<String, Double>> all = vectors(docs, true);
        List<Map<String, Double>> words = vectors(docs, false);
        List<String> gold = docs.stream().map(Doc::story).toList();

        System.out.printf("offline average-link per true topic, two stories per topic (words+names+numbers): %s%n",
                bcubed(perTopic(docs, (a, b) -> cosine(all.get(a), all.get(b)), 2, 0), gold));
        if (args.length > 1 && args[1].equals("embeddings")) {
            List<float[]> lead;
            try (org.storylens.analyse.MiniLmEmbedder embedder = new org.storylens.analyse.MiniLmEmbedder(2)) {
                lead = embedder.embed(docs.stream().map(Doc::lead).toList());
            }
            System.out.printf("  the same on headline+lead embeddings: %s%n", bcubed(perTopic(docs,
                    (a, b) -> org.storylens.analyse.Embedder.similarity(lead.get(a), lead.get(b)), 2, 0), gold));
            System.out.printf("  the same on words+names+numbers cosine + embedding cosine: %s%n", bcubed(perTopic(docs,
                    (a, b) -> cosine(all.get(a), all.get(b))
                            + org.storylens.analyse.Embedder.similarity(lead.get(a), lead.get(b)), 2, 0), gold));
        }
        for (double t : new double[]{0.12, 0.16, 0.2, 0.24}) {
            System.out.printf("offline average-link per true topic, threshold %.2f: %s%n", t,
                    bcubed(perTopic(docs, (a, b) -> cosine(all.get(a), all.get(b)), 0, t), gold));
        }
        // the naive stream baseline: undated articles in input order, then dated ones oldest first
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (!docs.get(i).dated()) {
                order.add(i);
            }
        }
        List<Integer> dated = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i).dated()) {
                dated.add(i);
            }
        }
        dated.sort((a, b) -> docs.get(a).published().compareTo(docs.get(b).published()));
        order.addAll(dated);
        for (double t : new double[]{0.2, 0.25, 0.3}) {
            System.out.printf("naive single pass (words, batch IDF, centroid cosine) threshold %.2f: %s%n", t,
                    bcubed(singlePass(words, order, t), gold));
        }
    }

    private static List<Map<String, Double>> vectors(List<Doc> docs, boolean withNames) {
        Map<String, Integer> df = new HashMap<>();
        for (Doc d : docs) {
            (withNames ? d.all() : d.words()).keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        int n = docs.size();
        List<Map<String, Double>> out = new ArrayList<>();
        for (Doc d : docs) {
            Map<String, Double> v = new HashMap<>();
            (withNames ? d.all() : d.words()).forEach((t, c) -> v.put(t,
                    (1 + Math.log(c)) * Math.log((n + 1.0) / (df.get(t) + 1.0) + 1)));
            double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
            v.replaceAll((t, x) -> x / norm);
            out.add(v);
        }
        return out;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() < b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double s = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            s += e.getValue() * large.getOrDefault(e.getKey(), 0.0);
        }
        return s;
    }

    /** Average-link clustering of each true topic, down to k clusters (k > 0) or until no pair reaches the threshold. */
    interface Similarity {
        double of(int a, int b);
    }

    private static List<String> perTopic(List<Doc> docs, Similarity similarity, int k, double threshold) {
        Map<String, List<Integer>> topics = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            topics.computeIfAbsent(docs.get(i).topic(), t -> new ArrayList<>()).add(i);
        }
        String[] pred = new String[docs.size()];
        topics.forEach((topic, members) -> {
            int m = members.size();
            double[][] sim = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    sim[i][j] = similarity.of(members.get(i), members.get(j));
                }
            }
            List<List<Integer>> clusters = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                clusters.add(new ArrayList<>(List.of(i)));
            }
            while (clusters.size() > Math.max(1, k)) {
                double best = Double.NEGATIVE_INFINITY;
                int ba = -1;
                int bb = -1;
                for (int a = 0; a < clusters.size(); a++) {
                    for (int b = a + 1; b < clusters.size(); b++) {
                        double s = 0;
                        for (int x : clusters.get(a)) {
                            for (int y : clusters.get(b)) {
                                s += sim[x][y];
                            }
                        }
                        s /= clusters.get(a).size() * clusters.get(b).size();
                        if (s > best) {
                            best = s;
                            ba = a;
                            bb = b;
                        }
                    }
                }
                if (k == 0 && best < threshold) {
                    break;
                }
                clusters.get(ba).addAll(clusters.remove(bb));
            }
            for (int c = 0; c < clusters.size(); c++) {
                for (int x : clusters.get(c)) {
                    pred[members.get(x)] = topic + "/" + c;
                }
            }
        });
        return List.of(pred);
    }

    private static List<String> singlePass(List<Map<String, Double>> v, List<Integer> order, double threshold) {
        List<Map<String, Double>> centroids = new ArrayList<>();
        String[] pred = new String[v.size()];
        for (int i : order) {
            int best = -1;
            double bestScore = -1;
            for (int c = 0; c < centroids.size(); c++) {
                Map<String, Double> centroid = centroids.get(c);
                double norm = Math.sqrt(centroid.values().stream().mapToDouble(x -> x * x).sum());
                double s = cosine(v.get(i), centroid) / norm;
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            if (bestScore >= threshold) {
                Map<String, Double> centroid = centroids.get(best);
                v.get(i).forEach((t, x) -> centroid.merge(t, x, Double::sum));
                pred[i] = Integer.toString(best);
            } else {
                centroids.add(new HashMap<>(v.get(i)));
                pred[i] = Integer.toString(centroids.size() - 1);
            }
        }
        return List.of(pred);
    }

    /** Story-level BCubed, scored as {@code eval clustering} scores it. */
    private static String bcubed(List<String> pred, List<String> gold) {
        org.storylens.eval.ClusteringScore score = org.storylens.eval.ClusteringScore.of(pred, gold);
        return String.format("BCubed P %.3f R %.3f F1 %.3f, %d stories", score.bcubed().precision(),
                score.bcubed().recall(), score.bcubed().f1(), score.stories());
    }
}
