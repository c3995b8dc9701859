package org.watchfloor.alerts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.watchfloor.model.Actor;
import org.watchfloor.model.CasualtyFigure;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.TroopFigure;

/**
 * The features two reports of one development share even in other words: the lemmas of title and
 * summary cut to a {@value #STEM}-letter stem (sent / sending meet through the lemma, deploy /
 * deployment and ratify / ratification through the stem), every actor ({@code @PRK},
 * {@code @volodymyr-zelensky}), every place ({@code %kursk}), every figure ({@code #3000}) and the
 * states it cites as its sources ({@code ^KOR}). Full
 * content is left out: syndicated copies often carry only title and summary.
 *
 * <p>Bounded whatever the item: the first {@value #MAX_WORDS} distinct word stems in reading order
 * (the headline first) and at most {@value #MAX_NAMES} each of actors, places, figures and sources, so
 * a story's stored signature stays far below a record's size limit even for an item of a megabyte of
 * distinct words. A news report has fewer than a hundred of each.
 */
final class StoryTokens {
    static final int STEM = 5;
    static final int MAX_WORDS = 400;
    static final int MAX_NAMES = 100;
    /** Prefix of the states a report cites as its source ("..., Seoul said"): {@code ^KOR}. */
    static final String SOURCE = "^";
    /** Prefix of the topics a report matched: compared as a set, not weighed with the words. */
    static final String TOPIC = "!";
    /** Prefix of a concept of the topic pack the report states: {@code ~deploy}. */
    static final String CONCEPT = "~";
    /** Prefix of a figure the report states: {@code #3000}. */
    static final String FIGURE = "#";
    /**
     * Prefix of the state a report's headline speaks for: the state it cites ("..., US says":
     * {@code &USA}), else the state that acts first in it ("Seoul weighs ...": {@code &KOR}). Reports that
     * follow up one development keep its voice while their words move on to what is new.
     */
    static final String VOICE = "&";
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "from", "have",
            "be", "its", "his", "her", "their", "they", "been", "will", "would", "say", "also", "but", "not", "new",
            "who", "which", "what", "when", "where", "while", "some", "other", "official", "report", "accord", "tell",
            "week", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "year",
            "one", "two", "our", "could", "may", "than", "more", "about", "after", "into", "over", "there", "these",
            "those", "such", "any", "all", "most", "many", "much", "own", "out", "off", "only", "just", "now", "then",
            "still", "yet", "how", "why", "can", "should", "might", "must", "shall", "does", "did", "make", "take",
            "get", "give", "include", "since", "under", "against", "between", "during", "before", "because", "each",
            "both", "per", "him", "she", "them", "it", "he", "we", "you", "i", "an", "a", "of", "to", "in", "on", "by",
            "at", "as", "or", "is", "are", "was", "were", "has", "had", "do", "so", "if", "no", "up", "news",
            "million", "thousand", "hundred", "percent", "first", "last", "late", "early", "month", "months");

    private StoryTokens() {
    }

    /**
     * The features of {@code view}, the topics it matched ({@code !dprk-troops-russia}) and the concepts
     * of the pack it states ({@code ~deploy}).
     */
    static List<String> of(ItemView view, List<String> topics, List<String> concepts) {
        Set<String> tokens = new TreeSet<>();
        concepts.forEach(c -> tokens.add(CONCEPT + c));
        topics.forEach(t -> tokens.add(TOPIC + t));
        Set<String> words = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (SentenceView s : view.sentences()) {
            for (String lemma : s.lemmas()) {
                if (words.size() < MAX_WORDS && lemma.length() >= 3 && !STOP.contains(lemma)
                        && !lemma.chars().allMatch(Character::isDigit)) {
                    words.add(lemma.length() > STEM ? lemma.substring(0, STEM) : lemma);
                }
            }
            for (String source : s.actors()) {
                if (sources.size() < MAX_NAMES && !s.agents().contains(source) && isState(source)) {
                    sources.add(SOURCE + source);
                }
            }
        }
        tokens.addAll(words);
        tokens.addAll(sources);
        tokens.addAll(voices(view));
        EnrichedItem enriched = view.item();
        enriched.actors().stream().limit(MAX_NAMES).map(Actor::id).forEach(id -> tokens.add("@" + id));
        enriched.locations().stream().limit(MAX_NAMES)
                .forEach(p -> tokens.add("%" + (p.id() != null ? p.id() : Words.normalised(p.name()))));
        enriched.troops().stream().limit(MAX_NAMES).map(TroopFigure::count).forEach(c -> tokens.add(FIGURE + c));
        enriched.casualties().stream().limit(MAX_NAMES).map(CasualtyFigure::count).forEach(c -> tokens.add(FIGURE + c));
        return List.copyOf(tokens);
    }

    /** The {@link #VOICE} tokens of a report: the states its headline cites, else the state acting first in it. */
    private static Set<String> voices(ItemView view) {
        int headline = view.item().item().title().length();
        Set<String> cited = new TreeSet<>();
        String first = null;
        int firstAt = Integer.MAX_VALUE;
        for (SentenceView s : view.sentences()) {
            if (s.start() >= headline || first != null) {
                break;
            }
            for (String actor : s.actors()) {
                if (!isState(actor)) {
                    continue;
                }
                if (!s.agents().contains(actor)) {
                    cited.add(VOICE + actor);
                } else {
                    int at = s.positions().getOrDefault(actor, List.of(Integer.MAX_VALUE - 1)).get(0);
                    if (at < firstAt) {
                        first = actor;
                        firstAt = at;
                    }
                }
            }
        }
        return !cited.isEmpty() || first == null ? cited : Set.of(VOICE + first);
    }

    /** State actors have ISO 3166 alpha-3 ids: {@code PRK}; people and bodies have lower-case slugs. */
    static boolean isState(String actor) {
        return actor.length() == 3 && actor.equals(actor.toUpperCase(Locale.ROOT));
    }
}
