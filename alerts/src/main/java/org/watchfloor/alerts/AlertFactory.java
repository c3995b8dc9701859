package org.watchfloor.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;

/**
 * Writes alerts that stand alone: headline, the reason in words (what matched, what is new, why this
 * severity), evidence sentences, every item of the story so far, first seen and source count. Ids
 * are derived from content ({@link StableIds}) so a replay yields the same ids.
 */
final class AlertFactory {
    private static final int HEADLINE_FALLBACK_CHARS = 160;
    private final Clock clock;

    AlertFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Alert newAlert(String storyId, TopicMatch match, NewsItem item, StoryState state, SeverityJudge.Judgement j) {
        TopicRule rule = match.rule();
        return new Alert(StableIds.alert(storyId, rule.id(), AlertKind.NEW), rule.id(), rule.name(), AlertKind.NEW,
                j.severity(), storyId, headline(item), join(match.reason(), j.reason()), match.evidence(),
                state.items(), List.of(), state.firstSeen(), clock.instant(), state.sourceCount());
    }

    Alert update(String storyId, TopicRule rule, EnrichedItem enriched, StoryState state, Map<String, String> facts,
                 SeverityJudge.Judgement j) {
        NewsItem item = enriched.item();
        String what = item.revision() > 1 ? "an edit (revision " + item.revision() + ") of " + item.source()
                : "a report from " + item.source();
        String reason = String.format(Locale.ROOT, "Update to a story on '%s': %s adds %s", rule.name(), what,
                String.join("; ", facts.values()));
        return new Alert(StableIds.alert(storyId + '\n' + StoryState.version(item), rule.id(), AlertKind.UPDATE),
                rule.id(), rule.name(), AlertKind.UPDATE, j.severity(), storyId, headline(item), join(reason, j.reason()),
                evidence(enriched), state.items(), List.copyOf(facts.values()), state.firstSeen(), clock.instant(),
                state.sourceCount());
    }

    Alert surge(String storyId, TopicRule rule, NewsItem item, StoryState state, SurgeDetector.Surge surge) {
        String reason = String.format(Locale.ROOT, "Surge on '%s': %d distinct stories in the hour from %s, against "
                + "a trailing 24-hour average of %.2f per hour", rule.name(), surge.stories(), surge.start(),
                surge.average());
        return new Alert(StableIds.alert("surge\n" + surge.hour(), rule.id(), AlertKind.SURGE), rule.id(),
                rule.name(), AlertKind.SURGE, rule.surgeSeverity(), storyId,
                "Surge: " + rule.name() + " (" + surge.stories() + " stories this hour)", reason,
                List.of(headline(item)), state.items(), List.of(), state.firstSeen(), clock.instant(),
                state.sourceCount());
    }

    /** The sentences that state the item's figures, else its headline. */
    private static List<String> evidence(EnrichedItem item) {
        List<String> sentences = new ArrayList<>();
        item.troops().forEach(t -> add(sentences, t.sentence()));
        item.casualties().forEach(c -> add(sentences, c.sentence()));
        if (sentences.isEmpty()) {
            add(sentences, headline(item.item()));
        }
        return sentences.subList(0, Math.min(EvidenceSelector.MAX, sentences.size()));
    }

    private static void add(List<String> sentences, String sentence) {
        if (sentence != null && !sentence.isBlank() && !sentences.contains(sentence.strip())) {
            sentences.add(sentence.strip());
        }
    }

    private static String join(String reason, String severityReason) {
        return severityReason.isEmpty() ? reason : reason + "; " + severityReason;
    }

    static String headline(NewsItem item) {
        if (!item.title().isBlank()) {
            return item.title().strip();
        }
        String summary = item.summary().strip();
        return summary.length() <= HEADLINE_FALLBACK_CHARS ? summary : summary.substring(0, HEADLINE_FALLBACK_CHARS) + "…";
    }
}
