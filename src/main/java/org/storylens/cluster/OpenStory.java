package org.storylens.cluster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The growing state of a story that still accepts articles: sparse centroids, mean embedding, dates, fingerprints. */
final class OpenStory {

    static final int MAX_MEMBERS = 256;

    final String id;
    final Map<TermField, HashMap<String, Double>> sums = new EnumMap<>(TermField.class);
    final double[] normSquared = new double[TermField.values().length];
    float[] embeddingSum = new float[0];
    final List<ClusterSnapshot.Member> members = new ArrayList<>();
    final java.util.Set<String> years = new java.util.HashSet<>();
    /** The person the story names most (by summed weight), or null. */
    String topPerson;
    LocalDate first;
    LocalDate last;
    LocalDate lastActivity;

    OpenStory(String id) {
        this.id = id;
        for (TermField field : TermField.values()) {
            sums.put(field, new HashMap<>());
        }
    }

    void add(Map<TermField, Map<String, Double>> vectors, float[] embedding) {
        for (TermField field : TermField.values()) {
            HashMap<String, Double> sum = sums.get(field);
            double norm = normSquared[field.ordinal()];
            for (Map.Entry<String, Double> e : vectors.get(field).entrySet()) {
                double old = sum.getOrDefault(e.getKey(), 0.0);
                double w = e.getValue();
                norm += 2 * old * w + w * w;
                sum.put(e.getKey(), old + w);
            }
            normSquared[field.ordinal()] = norm;
        }
        HashMap<String, Double> people = sums.get(TermField.PEOPLE);
        for (String person : vectors.get(TermField.PEOPLE).keySet()) {
            double w = people.get(person);
            double top = topPerson == null ? 0 : people.get(topPerson);
            if (w > top || (w == top && person.compareTo(topPerson) < 0)) {
                topPerson = person;
            }
        }
        if (embedding.length > 0) {
            if (embeddingSum.length == 0) {
                embeddingSum = new float[embedding.length];
            }
            if (embeddingSum.length == embedding.length) {
                for (int i = 0; i < embedding.length; i++) {
                    embeddingSum[i] += embedding[i];
                }
            }
        }
    }

    void setSums(TermField field, Map<String, Double> restored) {
        HashMap<String, Double> sum = sums.get(field);
        sum.clear();
        sum.putAll(restored);
        double norm = 0;
        for (double w : restored.values()) {
            norm += w * w;
        }
        normSquared[field.ordinal()] = norm;
        if (field == TermField.PEOPLE) {
            topPerson = restored.entrySet().stream()
                    .max(Map.Entry.<String, Double>comparingByValue()
                            .thenComparing(Map.Entry.<String, Double>comparingByKey().reversed()))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }

    /** Cosine of a unit vector with this story's centroid of the field. */
    double cosine(TermField field, Map<String, Double> unit) {
        double norm = normSquared[field.ordinal()];
        if (norm <= 0 || unit.isEmpty()) {
            return 0;
        }
        HashMap<String, Double> sum = sums.get(field);
        double dot = 0;
        for (Map.Entry<String, Double> e : unit.entrySet()) {
            Double c = sum.get(e.getKey());
            if (c != null) {
                dot += c * e.getValue();
            }
        }
        return dot / Math.sqrt(norm);
    }

    double embeddingCosine(float[] unit) {
        if (unit.length == 0 || embeddingSum.length != unit.length) {
            return 0;
        }
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < unit.length; i++) {
            dot += embeddingSum[i] * unit[i];
            norm += embeddingSum[i] * embeddingSum[i];
        }
        return norm <= 0 ? 0 : dot / Math.sqrt(norm);
    }

    void dated(LocalDate date, LocalDate clock) {
        if (date != null) {
            first = first == null || date.isBefore(first) ? date : first;
            last = last == null || date.isAfter(last) ? date : last;
        }
        LocalDate activity = date != null ? date : clock;
        if (activity != null && (lastActivity == null || activity.isAfter(lastActivity))) {
            lastActivity = activity;
        }
    }
}
