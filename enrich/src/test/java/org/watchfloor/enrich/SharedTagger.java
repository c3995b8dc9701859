package org.watchfloor.enrich;

/** The JVM's one CoreNLP pipeline over the bundled gazetteer, for every test class that needs real tags. */
final class SharedTagger {
    static final Gazetteer GAZETTEER = Gazetteer.bundled();

    private SharedTagger() {
    }

    static CoreNlpTagger tagger() {
        return CoreNlpTagger.shared(GAZETTEER);
    }

    static Enricher enricher() {
        return new Enricher(tagger(), GAZETTEER);
    }
}
