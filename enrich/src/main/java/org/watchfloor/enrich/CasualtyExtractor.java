package org.watchfloor.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.watchfloor.model.CasualtyFigure;

/**
 * Finds stated numbers of people killed, wounded, captured or missing in each sentence
 * ({@link CasualtyPhrase}), with the same reading of numbers, qualifiers and exclusions as
 * {@link TroopCountExtractor}. The side is read only from the words between the number and the verb
 * ("200 North Korean soldiers were killed"): guessing it from the rest of the sentence would pin
 * civilians killed by a Russian strike on Russia.
 */
final class CasualtyExtractor {
    private final TroopCountExtractor troops;

    CasualtyExtractor(TroopCountExtractor troops) {
        this.troops = java.util.Objects.requireNonNull(troops, "troops");
    }

    List<CasualtyFigure> extract(AnnotatedText text, List<Mention> mentions) {
        List<CasualtyFigure> figures = new ArrayList<>();
        for (AnnotatedSentence sentence : text.sentences()) {
            SentenceMentions names = new SentenceMentions(sentence, mentions);
            List<Token> tokens = sentence.tokens();
            int i = 0;
            while (i < tokens.size()) {
                Optional<Quantity> q = names.at(i) == null ? QuantityParser.parseAt(tokens, i) : Optional.empty();
                if (q.isEmpty() || TroopCountExtractor.excluded(tokens, q.get())) {
                    i++;
                    continue;
                }
                Optional<CasualtyPhrase> phrase = CasualtyPhrase.find(tokens, q.get(), troops::isModifier);
                if (phrase.isPresent()) {
                    figures.add(figure(text, sentence, names, q.get(), phrase.get()));
                }
                i = q.get().end();
            }
        }
        return figures;
    }

    private CasualtyFigure figure(AnnotatedText text, AnnotatedSentence sentence, SentenceMentions names,
                                  Quantity q, CasualtyPhrase phrase) {
        String actor = null;
        for (int k = q.end(); k < phrase.modifiersEnd() && actor == null; k++) {
            Mention m = names.at(k);
            actor = m == null ? null : m.owningState();
        }
        TroopPhrase where = new TroopPhrase(phrase.verb(), q.end(), phrase.modifiersEnd(), phrase.verb() + 1);
        Mention place = TroopAttribution.destination(sentence, names, where);
        return new CasualtyFigure(phrase.kind(), q.low(), q.low(), q.high(),
                q.isRange() || TroopCountExtractor.qualified(sentence.tokens(), q.first()), actor,
                place == null ? null : place.placeOrStateId(), ClaimFinder.claimant(sentence, names),
                text.textOf(sentence), sentence.tokens().get(Math.min(q.first(), phrase.verb())).begin(),
                sentence.tokens().get(Math.max(phrase.verb(), q.end() - 1)).end());
    }
}
