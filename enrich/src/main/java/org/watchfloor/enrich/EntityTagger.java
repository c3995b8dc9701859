package org.watchfloor.enrich;

import java.util.List;

/**
 * Splits text into sentences and tokens and tags each token with part of speech, lemma and named
 * entity type. Implementations must be safe to call from several stream threads at once.
 */
public interface EntityTagger {
    AnnotatedText annotate(String text);

    /** The annotators in the order they run, recorded in every {@code EnrichedItem.pipeline}. */
    List<String> annotators();

    /** Version of the tagging library, recorded in every {@code EnrichedItem.pipeline}. */
    String version();
}
