package org.watchfloor.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.watchfloor.model.TroopFigure;

/**
 * Finds stated numbers of soldiers in each sentence: a number ({@link QuantityParser}) followed within
 * a few modifier tokens by a unit noun ("3,000 North Korean soldiers"), or a unit followed by
 * "at/to/of" and the number ("the number of North Korean soldiers at around 3,000").
 *
 * <p>Choices, so that consumers can rely on them: a qualifier ("about", "at least", "up to", "more
 * than", ...) makes a figure approximate but keeps count = min = max = the stated number; only a
 * range ("10,000-12,000", "between 10,000 and 12,000") sets min &lt; max, with count = min, and is
 * approximate too. Vague amounts ("thousands of troops") are not figures. Money, percentages, years
 * and weapons never are: the unit noun must follow the number.
 */
public final class TroopCountExtractor {
    private static final Set<String> UNITS = Set.of("soldier", "soldiers", "troop", "troops", "personnel",
            "serviceman", "servicemen", "servicemembers", "fighter", "fighters", "engineer", "engineers",
            "worker", "workers", "forces", "mercenary", "mercenaries", "conscript", "conscripts", "recruit", "recruits");
    private static final Set<String> MODIFIER_NOUNS = Set.of("army", "military", "combat", "infantry",
            "special", "elite", "construction", "air", "naval", "ground", "more", "additional", "extra", "enemy",
            "forces", "active-duty", "active", "regular");
    private static final Set<String> MODIFIER_TAGS = Set.of("JJ", "JJR", "JJS", "VBN", "NNP", "NNPS", "HYPH", "POS");
    private static final Set<String> CURRENCY = Set.of("$", "us$", "€", "£", "¥", "₩", "usd", "eur");
    private static final Set<String> YEAR_PREPOSITIONS = Set.of("in", "since", "by", "until", "from", "of", "before", "after");
    private static final List<List<String>> QUALIFIERS = List.of(List.of("at", "least"), List.of("more", "than"),
            List.of("up", "to"), List.of("as", "many", "as"), List.of("close", "to"), List.of("fewer", "than"),
            List.of("less", "than"), List.of("upwards", "of"), List.of("about"), List.of("around"), List.of("some"),
            List.of("roughly"), List.of("approximately"), List.of("estimated"), List.of("nearly"), List.of("almost"),
            List.of("over"), List.of("approx."), List.of("circa"), List.of("~"), List.of("between"));
    private static final int MAX_GAP = 4;

    /** Every troop figure in {@code text}, in sentence order, with names resolved against {@code gazetteer}. */
    public List<TroopFigure> extract(AnnotatedText text, Gazetteer gazetteer) {
        return extract(text, new MentionResolver(gazetteer).resolve(text));
    }

    /** As above, for a caller that has already resolved the text's names. */
    List<TroopFigure> extract(AnnotatedText text, List<Mention> mentions) {
        List<TroopFigure> figures = new ArrayList<>();
        for (AnnotatedSentence sentence : text.sentences()) {
            SentenceMentions names = new SentenceMentions(sentence, mentions);
            String claimedBy = null;
            boolean claimLooked = false;
            List<Token> tokens = sentence.tokens();
            int i = 0;
            while (i < tokens.size()) {
                Optional<Quantity> q = names.at(i) == null ? QuantityParser.parseAt(tokens, i) : Optional.empty();
                if (q.isEmpty() || excluded(tokens, q.get())) {
                    i++;
                    continue;
                }
                Optional<TroopPhrase> phrase = TroopPhrase.find(tokens, q.get(), this::isUnit, this::isModifier);
                // Losses are casualties ("200 soldiers were killed", "lost 4,000 troops"), not troop strength.
                boolean loss = CasualtyPhrase.isLoss(tokens, q.get())
                        || CasualtyPhrase.find(tokens, q.get(), this::isModifier).isPresent();
                if (phrase.isPresent() && !loss) {
                    if (!claimLooked) {
                        claimedBy = ClaimFinder.claimant(sentence, names);
                        claimLooked = true;
                    }
                    figures.add(figure(text, sentence, names, q.get(), phrase.get(), claimedBy));
                }
                i = q.get().end();
            }
        }
        return figures;
    }

    private TroopFigure figure(AnnotatedText text, AnnotatedSentence sentence, SentenceMentions names,
                               Quantity q, TroopPhrase phrase, String claimedBy) {
        boolean approximate = q.isRange() || qualified(sentence.tokens(), q.first());
        Mention destination = TroopAttribution.destination(sentence, names, phrase);
        String actor = TroopAttribution.actor(sentence, names, phrase, q.first(), claimedBy, destination);
        String location = destination == null ? null : destination.placeOrStateId();
        List<Token> tokens = sentence.tokens();
        return new TroopFigure(q.low(), q.low(), q.high(), approximate, actor, location, claimedBy,
                text.textOf(sentence), tokens.get(q.first()).begin(),
                tokens.get(Math.max(phrase.unit(), q.end() - 1)).end());
    }

    private boolean isUnit(Token token) {
        return UNITS.contains(token.lowerWord());
    }

    boolean isModifier(Token token) {
        return token.isEntity() || MODIFIER_TAGS.contains(token.pos())
                || MODIFIER_NOUNS.contains(token.lowerWord());
    }

    /** Money ("$2 billion"), percentages and years ("in 2024") are never troop figures. */
    static boolean excluded(List<Token> tokens, Quantity q) {
        if (q.first() > 0 && CURRENCY.contains(tokens.get(q.first() - 1).lowerWord())) {
            return true;
        }
        if (q.end() < tokens.size()) {
            String next = tokens.get(q.end()).lowerWord();
            if (next.equals("%") || next.equals("percent") || next.equals("per")) {
                return true;
            }
        }
        boolean yearLike = !q.isRange() && q.low() >= 1900 && q.low() <= 2100
                && tokens.get(q.first()).word().matches("\\d{4}");
        return yearLike && q.first() > 0 && YEAR_PREPOSITIONS.contains(tokens.get(q.first() - 1).lowerWord());
    }

    static boolean qualified(List<Token> tokens, int first) {
        for (List<String> qualifier : QUALIFIERS) {
            int start = first - qualifier.size();
            if (start < 0) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < qualifier.size() && match; k++) {
                match = tokens.get(start + k).lowerWord().equals(qualifier.get(k));
            }
            if (match) {
                return true;
            }
        }
        return false;
    }


    static int maxGap() {
        return MAX_GAP;
    }
}
