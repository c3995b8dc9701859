package org.watchfloor.enrich;

import java.util.List;

/** The mentions of one sentence, indexed by token so that patterns can ask "is token i part of a name?". */
final class SentenceMentions {
    private final Mention[] byToken;
    private final List<Mention> mentions;

    SentenceMentions(AnnotatedSentence sentence, List<Mention> all) {
        this.byToken = new Mention[sentence.tokens().size()];
        this.mentions = all.stream().filter(m -> m.sentence() == sentence.index()).toList();
        for (Mention m : mentions) {
            for (int i = m.first(); i < m.end() && i < byToken.length; i++) {
                byToken[i] = m;
            }
        }
    }

    /** The mention covering token {@code i}, or null. */
    Mention at(int i) {
        return i >= 0 && i < byToken.length ? byToken[i] : null;
    }

    List<Mention> all() {
        return mentions;
    }
}
