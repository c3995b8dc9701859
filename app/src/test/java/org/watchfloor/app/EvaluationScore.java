package org.watchfloor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.watchfloor.model.Json;

/**
 * Scores one replay of an {@link EvaluationSet}: story recall per required story/topic pair, precision
 * and recall per topic, false alerts (any alert from an unrelated item), duplicate NEW alerts (a second
 * NEW for one story and topic), pairwise clustering precision and recall over the items of labelled
 * stories and between them and unrelated items (from {@code stories.jsonl}), and troop figures
 * (count and actor) against the labels. Alerts are attributed to items by headline.
 */
final class EvaluationScore {
    final EvaluationSet set;
    final int enriched;
    final int alertCount;
    final Set<String> required = new TreeSet<>();
    final Set<String> recalled = new TreeSet<>();
    final Map<String, int[]> perTopic = new TreeMap<>(); // topic -> {new on target, new, pairs recalled, pairs}
    final List<String> falseAlerts = new ArrayList<>();
    final List<String> duplicates = new ArrayList<>();
    final List<String> updatesWithoutFact = new ArrayList<>();
    final List<String> falseMerges = new ArrayList<>();
    final List<String> splits = new ArrayList<>();
    int updates;
    long pairsTp;
    long pairsFp;
    long pairsFn;
    int figuresTp;
    int figuresFp;
    int figuresFn;
    final List<String> figureErrors = new ArrayList<>();

    EvaluationScore(EvaluationSet set, Path out) throws IOException {
        this.set = set;
        List<JsonNode> items = lines(out.resolve("enriched.jsonl"));
        List<JsonNode> alerts = lines(out.resolve("alerts.jsonl"));
        List<JsonNode> stories = lines(out.resolve("stories.jsonl"));
        this.enriched = items.size();
        this.alertCount = alerts.size();
        set.byTitle().values().stream().filter(e -> e.story() != null)
                .forEach(e -> e.topics().forEach(t -> required.add(e.story() + " / " + t)));
        required.forEach(pair -> topic(pair.substring(pair.indexOf(" / ") + 3))[3]++);
        scoreAlerts(alerts);
        Map<String, EvaluationSet.Expected> byId = new HashMap<>();
        for (JsonNode item : items) {
            String title = item.path("item").path("title").asText();
            EvaluationSet.Expected expected = set.byTitle().get(title);
            if (expected == null) {
                throw new IllegalStateException(set.name() + ": enriched item not in expected.yaml: " + title);
            }
            byId.put(item.path("item").path("id").asText(), expected);
            scoreFigures(title, item, expected);
        }
        scoreClusters(stories, byId);
    }

    private int[] topic(String topic) {
        return perTopic.computeIfAbsent(topic, t -> new int[4]);
    }

    private void scoreAlerts(List<JsonNode> alerts) {
        Map<String, Integer> newPerPair = new HashMap<>();
        for (JsonNode alert : alerts) {
            String kind = alert.path("kind").asText();
            String topic = alert.path("topic").asText();
            String headline = alert.path("headline").asText();
            if (kind.equals("SURGE")) {
                continue;
            }
            EvaluationSet.Expected item = set.byTitle().get(headline);
            if (item == null) {
                throw new IllegalStateException(set.name() + ": alert headline is not an evaluation item: " + headline);
            }
            if (item.story() == null) {
                falseAlerts.add(kind + " " + topic + ": " + headline);
                if (kind.equals("NEW")) {
                    topic(topic)[1]++;
                }
                continue;
            }
            String pair = item.story() + " / " + topic;
            if (kind.equals("NEW")) {
                topic(topic)[1]++;
                if (item.topics().contains(topic)) {
                    topic(topic)[0]++;
                    recalled.add(pair);
                }
                newPerPair.merge(pair, 1, Integer::sum);
            } else if (kind.equals("UPDATE")) {
                updates++;
                if (!item.adds()) {
                    updatesWithoutFact.add(topic + ": " + headline + " " + alert.path("facts"));
                }
            }
        }
        recalled.forEach(pair -> topic(pair.substring(pair.indexOf(" / ") + 3))[2]++);
        newPerPair.forEach((pair, n) -> {
            if (n > 1) {
                duplicates.add(pair + " x" + n);
            }
        });
        duplicates.sort(null);
    }

    private void scoreFigures(String title, JsonNode item, EvaluationSet.Expected expected) {
        List<String> found = new ArrayList<>();
        item.path("troops").forEach(t -> found.add(EvaluationSet.figure(t.path("count").asLong(),
                t.path("actor").isMissingNode() || t.path("actor").isNull() ? null : t.path("actor").asText())));
        List<String> wanted = new ArrayList<>(expected.troops());
        List<String> extra = new ArrayList<>();
        for (String f : found) {
            if (wanted.remove(f)) {
                figuresTp++;
            } else {
                extra.add(f);
            }
        }
        figuresFp += extra.size();
        figuresFn += wanted.size();
        if (!extra.isEmpty() || !wanted.isEmpty()) {
            figureErrors.add(title + ": extra " + extra + ", missed " + wanted);
        }
    }

    private void scoreClusters(List<JsonNode> stories, Map<String, EvaluationSet.Expected> byId) {
        List<String> ids = new ArrayList<>();
        Map<String, String> system = new HashMap<>();
        for (JsonNode s : stories) {
            String id = s.path("itemId").asText();
            if (!system.containsKey(id)) {
                ids.add(id);
            }
            system.put(id, s.path("storyId").asText());
        }
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                EvaluationSet.Expected a = byId.get(ids.get(i));
                EvaluationSet.Expected b = byId.get(ids.get(j));
                if (a == null || b == null || (a.story() == null && b.story() == null)) {
                    continue;
                }
                boolean same = a.story() != null && a.story().equals(b.story());
                boolean merged = system.get(ids.get(i)).equals(system.get(ids.get(j)));
                if (same && merged) {
                    pairsTp++;
                } else if (merged) {
                    pairsFp++;
                    falseMerges.add(a.story() + " + " + b.story());
                } else if (same) {
                    pairsFn++;
                    splits.add(a.story());
                }
            }
        }
    }

    double recall() {
        return required.isEmpty() ? 1 : (double) recalled.size() / required.size();
    }

    double pairPrecision() {
        return pairsTp + pairsFp == 0 ? 1 : (double) pairsTp / (pairsTp + pairsFp);
    }

    double pairRecall() {
        return pairsTp + pairsFn == 0 ? 1 : (double) pairsTp / (pairsTp + pairsFn);
    }

    int duplicateAlerts() {
        return duplicates.stream().mapToInt(d -> Integer.parseInt(d.substring(d.lastIndexOf('x') + 1)) - 1).sum();
    }

    String report() {
        StringBuilder r = new StringBuilder();
        long unrelated = set.unrelated();
        r.append(String.format(Locale.ROOT, "%n=== Replay evaluation, %s half: %d items (%d in %d stories, %d unrelated),"
                        + " %d alerts%n", set.name(), set.items(), set.items() - unrelated,
                set.byTitle().values().stream().filter(e -> e.story() != null).map(EvaluationSet.Expected::story)
                        .distinct().count(), unrelated, alertCount));
        List<String> missed = required.stream().filter(p -> !recalled.contains(p)).toList();
        r.append(String.format(Locale.ROOT, "story recall          %.3f (%d/%d story/topic pairs)%s%n", recall(),
                recalled.size(), required.size(), list(missed)));
        r.append(String.format(Locale.ROOT, "false alerts          %d (limit %d = 1 per 20 unrelated)%s%n",
                falseAlerts.size(), unrelated / 20, list(falseAlerts)));
        r.append(String.format(Locale.ROOT, "duplicate NEW alerts  %d%s%n", duplicateAlerts(), list(duplicates)));
        r.append(String.format(Locale.ROOT, "UPDATEs               %d, without a new fact: %d%s%n", updates,
                updatesWithoutFact.size(), list(updatesWithoutFact)));
        r.append(String.format(Locale.ROOT, "clustering pairwise   precision %.3f recall %.3f (tp %d, fp %d, fn %d)%s%s%n",
                pairPrecision(), pairRecall(), pairsTp, pairsFp, pairsFn,
                falseMerges.isEmpty() ? "" : list(new ArrayList<>(new TreeSet<>(falseMerges)).stream()
                        .map(m -> "false merge " + m).toList()),
                splits.isEmpty() ? "" : list(new ArrayList<>(new TreeSet<>(splits)).stream().map(s -> "split " + s).toList())));
        if (set.figuresLabelled()) {
            r.append(String.format(Locale.ROOT, "troop figures         precision %.3f recall %.3f (tp %d, fp %d, fn %d)%s%n",
                    ratio(figuresTp, figuresTp + figuresFp), ratio(figuresTp, figuresTp + figuresFn), figuresTp,
                    figuresFp, figuresFn, list(figureErrors)));
        } else {
            r.append("troop figures         not labelled in this set\n");
        }
        r.append("per topic             precision  recall   (NEW on a required topic / NEW; pairs recalled / required)\n");
        perTopic.forEach((topic, n) -> r.append(String.format(Locale.ROOT, "  %-24s %.3f     %.3f   (%d/%d; %d/%d)%n",
                topic, ratio(n[0], n[1]), ratio(n[2], n[3]), n[0], n[1], n[2], n[3])));
        return r.toString();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 1 : (double) a / b;
    }

    private static String list(List<String> lines) {
        return lines.isEmpty() ? "" : "\n    " + String.join("\n    ", lines);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        ObjectMapper json = Json.mapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(json.readTree(line));
        }
        return nodes;
    }
}
