package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.List;
import org.watchfloor.model.Actor;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.Sentence;

/**
 * Picks the sentences a watch officer reads to judge a match: first those containing a matched
 * term, then those mentioning a matched actor, each in text order, at most {@value #MAX} in all.
 */
final class EvidenceSelector {
    static final int MAX = 3;

    List<String> select(EnrichedItem item, List<Term> terms, List<Actor> actors) {
        List<Sentence> sentences = sentencesOf(item);
        List<String> withTerms = new ArrayList<>();
        List<String> withActors = new ArrayList<>();
        for (Sentence sentence : sentences) {
            List<String> words = Words.of(sentence.text());
            String text = sentence.text().strip();
            if (terms.stream().anyMatch(t -> t.occursIn(words))) {
                withTerms.add(text);
            } else if (actors.stream().anyMatch(a -> mentions(item, sentence, words, a))) {
                withActors.add(text);
            }
        }
        withTerms.addAll(withActors);
        return List.copyOf(withTerms.subList(0, Math.min(MAX, withTerms.size())));
    }

    /** The enrich stage's sentences; title and summary when it gave none, so evidence is never lost. */
    static List<Sentence> sentencesOf(EnrichedItem item) {
        if (!item.sentences().isEmpty()) {
            return item.sentences();
        }
        List<Sentence> fallback = new ArrayList<>();
        String title = item.item().title();
        String summary = item.item().summary();
        if (!title.isBlank()) {
            fallback.add(new Sentence(0, title, 0, title.length()));
        }
        if (!summary.isBlank()) {
            // Same offsets as NewsItem.text(): title, a blank line, summary.
            int start = title.isEmpty() ? 0 : title.length() + 2;
            fallback.add(new Sentence(fallback.size(), summary, start, start + summary.length()));
        }
        return fallback;
    }

    /** A tagged entity of the actor inside the sentence, or the actor's name written in it. */
    private static boolean mentions(EnrichedItem item, Sentence sentence, List<String> words, Actor actor) {
        boolean tagged = item.entities().stream().anyMatch(e -> actor.id().equals(e.canonical())
                && e.start() >= sentence.start() && e.start() < sentence.end());
        String name = actor.name().replace('*', ' ');
        return tagged || (!Words.of(name).isEmpty() && new Term(name, 1).occursIn(words));
    }
}
