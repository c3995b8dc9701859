package org.watchfloor.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.watchfloor.model.TroopFigure;

/**
 * Finds stated numbers of soldiers in each sentence: a number ({@link QuantityParser}) followed within
 * a few modifier tokens by a unit noun ("3,000 North Korean soldiers", "1,000 deminers"), a unit
 * followed by a link and the number ("the number of North Korean soldiers at around 3,000", "troops, a
 * force once put at 12,000"), or a number of personnel named before ("upwards of 11,000 of them").
 *
 * <p>Choices, so that consumers can rely on them: a qualifier ("about", "at least", "up to", "more
 * than", ...) makes a figure approximate but keeps count = min = max = the stated number; only a
 * range ("10,000-12,000", "between 10,000 and 12,000") sets min &lt; max, with count = min, and is
 * approximate too. Vague amounts ("thousands of troops") are not figures. Money, percentages, years
 * and weapons never are: a unit noun must name the people counted.
 *
 * <p>Whose troops they are: what the figure's own words say ({@link TroopAttribution#stated}), else the
 * owner of the personnel a pronoun refers to, else that of the sentence's previous figure when this one
 * continues it ("has 11,000 troops in Kursk and is preparing another 3,000"), else the nearest name
 * that does not speak, else the owner of the troops or figure the text named last ("What we know about North
 * Korea's troops"), else that of the same number elsewhere in the text. A state the gazetteer does not
 * know ("Warsaw to station 17,000 soldiers") owns its troops too: the figure's actor is then the text's
 * earlier owner or null, never a known state guessed from nearby.
 */
public final class TroopCountExtractor {
    private static final Set<String> MODIFIER_NOUNS = Set.of("army", "military", "combat", "infantry",
            "special", "elite", "construction", "air", "naval", "ground", "more", "additional", "extra", "enemy",
            "forces", "active-duty", "active", "duty", "regular", "operations");
    // NN: the trade in "1,500 energy workers", "12 power engineers", "active service personnel".
    private static final Set<String> MODIFIER_TAGS = Set.of("JJ", "JJR", "JJS", "VBN", "NN", "NNP", "NNPS", "HYPH",
            "POS");
    private static final Set<String> CURRENCY = Set.of("$", "us$", "€", "£", "¥", "₩", "usd", "eur");
    private static final Set<String> YEAR_PREPOSITIONS = Set.of("in", "since", "by", "until", "from", "of", "before", "after");
    private static final List<List<String>> QUALIFIERS = List.of(List.of("at", "least"), List.of("more", "than"),
            List.of("up", "to"), List.of("as", "many", "as"), List.of("close", "to"), List.of("fewer", "than"),
            List.of("less", "than"), List.of("upwards", "of"), List.of("about"), List.of("around"), List.of("some"),
            List.of("roughly"), List.of("approximately"), List.of("estimated"), List.of("nearly"), List.of("almost"),
            List.of("over"), List.of("approx."), List.of("circa"), List.of("~"), List.of("between"),
            List.of("estimated", "at"), List.of("put", "at"), List.of("perhaps"), List.of("possibly"));
    private static final int MAX_GAP = 4;

    /** Every troop figure in {@code text}, in sentence order, with names resolved against {@code gazetteer}. */
    public List<TroopFigure> extract(AnnotatedText text, Gazetteer gazetteer) {
        return extract(text, new MentionResolver(gazetteer).resolve(text));
    }

    /** As above, for a caller that has already resolved the text's names. */
    List<TroopFigure> extract(AnnotatedText text, List<Mention> mentions) {
        List<TroopFigure> figures = new ArrayList<>();
        String earlier = null; // owner of the text's latest troop mention: "What we know about North Korea's troops"
        for (AnnotatedSentence sentence : text.sentences()) {
            SentenceMentions names = new SentenceMentions(sentence, mentions);
            List<Token> tokens = sentence.tokens();
            List<Mention> speakers = null;
            String previous = null; // owner of the sentence's previous figure, which ended before token previousEnd
            int previousEnd = 0;
            int i = 0;
            while (i < tokens.size()) {
                if (PersonnelNouns.unitAt(tokens, i) || PersonnelNouns.groupAt(tokens, i)) {
                    earlier = firstOf(owner(tokens, names, i), earlier);
                }
                Optional<Quantity> q = names.at(i) == null ? QuantityParser.parseAt(tokens, i) : Optional.empty();
                if (q.isEmpty() || excluded(tokens, q.get())) {
                    i++;
                    continue;
                }
                Optional<TroopPhrase> phrase = TroopPhrase.find(tokens, q.get(), this::isModifier);
                Optional<Antecedent> antecedent = phrase.flatMap(p -> p.anaphoric(tokens)
                        ? antecedent(text, mentions, sentence, q.get().first()) : Optional.of(Antecedent.NONE));
                if (antecedent.isPresent() && !loss(tokens, q.get(), phrase.get())) {
                    speakers = speakers == null ? ClaimFinder.speakers(sentence, names) : speakers;
                    Mention destination = TroopAttribution.destination(sentence, names, phrase.get());
                    boolean continues = TroopAttribution.continues(tokens, names, speakers, previousEnd,
                            q.get().first(), phrase.get());
                    String known = firstOf(TroopAttribution.stated(sentence, names, phrase.get(), q.get().first()),
                            antecedent.get().owner(), continues ? previous : null);
                    // A guess from the nearest name is not passed on: a later figure may state its own owner.
                    // A sender the gazetteer does not know rules out every nearby name ("Warsaw to station
                    // 17,000 soldiers along the border with Belarus"); only the text's earlier owner may be it.
                    boolean unknown = TroopAttribution.UNKNOWN_STATE.equals(known);
                    String actor = unknown ? earlier : firstOf(known, TroopAttribution.nearest(sentence, names,
                            phrase.get(), speakers, destination), earlier);
                    figures.add(figure(text, sentence, q.get(), phrase.get(), actor, destination,
                            speakers.isEmpty() ? null : speakers.get(0).actorId()));
                    previous = known;
                    previousEnd = Math.max(phrase.get().unit() + 1, q.get().end());
                    // The text's owner so far may be a guess: it is tried only after the sentence's own names.
                    earlier = unknown ? earlier : firstOf(actor, earlier);
                }
                i = q.get().end();
            }
        }
        return TroopAttribution.restated(figures);
    }

    private static String firstOf(String... owners) {
        return Stream.of(owners).filter(Objects::nonNull).findFirst().orElse(null);
    }

    // The state named among a unit's modifiers: "North Korea's troops".
    private String owner(List<Token> tokens, SentenceMentions names, int unit) {
        return TroopAttribution.owner(names, TroopPhrase.modifiersStart(tokens, unit, this::isModifier), unit);
    }

    // Losses are casualties ("200 soldiers were killed", "lost 4,000 troops", "3,000 of them died"), not strength;
    // so are captives ("two soldiers, captured by Ukrainian units"). "The cost of keeping 28,500 troops" loses none.
    private boolean loss(List<Token> tokens, Quantity q, TroopPhrase phrase) {
        boolean partitive = phrase.after() > q.end() && tokens.get(q.end()).lowerWord().equals("of");
        Quantity whole = partitive ? new Quantity(q.low(), q.high(), q.first(), phrase.after()) : q;
        boolean price = IntStream.range(Math.max(0, q.first() - 4), q.first())
                .anyMatch(k -> tokens.get(k).lowerWord().equals("cost") && tokens.get(k).pos().startsWith("NN"));
        return (CasualtyPhrase.isLoss(tokens, q) && !price)
                || CasualtyPhrase.find(tokens, whole, this::isModifier).isPresent() || phrase.captive(tokens, q.first());
    }

    /**
     * What "them" in "upwards of 11,000 of them" stands for: a plural noun before it in its sentence, else
     * in the one before, else in the headline ({@link TroopPhrase#referent}). It must name personnel that
     * no number counts yet: "8,000 of them" after "10,000 soldiers" is a share of a stated figure.
     */
    private Optional<Antecedent> antecedent(AnnotatedText text, List<Mention> mentions, AnnotatedSentence sentence,
                                            int before) {
        int index = sentence.index();
        for (int s : new LinkedHashSet<>(List.of(index, Math.max(index - 1, 0), 0))) {
            AnnotatedSentence candidate = text.sentences().get(s);
            List<Token> tokens = candidate.tokens();
            int noun = TroopPhrase.referent(tokens, s == index ? before : tokens.size(), s == index, this::isModifier);
            if (noun >= 0) {
                boolean personnel = PersonnelNouns.unitAt(tokens, noun) && !TroopPhrase.counted(tokens, noun, this::isModifier);
                return personnel ? Optional.of(new Antecedent(owner(tokens, new SentenceMentions(candidate, mentions),
                        noun))) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The personnel a figure's pronoun refers to, by the state that owns them (null when none is named). */
    private record Antecedent(String owner) {
        static final Antecedent NONE = new Antecedent(null);
    }

    private TroopFigure figure(AnnotatedText text, AnnotatedSentence sentence, Quantity q, TroopPhrase phrase,
                               String actor, Mention destination, String claimedBy) {
        boolean approximate = q.isRange() || qualified(sentence.tokens(), q.first());
        String location = destination == null ? null : destination.placeOrStateId();
        List<Token> tokens = sentence.tokens();
        return new TroopFigure(q.low(), q.low(), q.high(), approximate, actor, location, claimedBy,
                text.textOf(sentence), tokens.get(q.first()).begin(),
                tokens.get(Math.max(phrase.unit(), q.end() - 1)).end());
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
