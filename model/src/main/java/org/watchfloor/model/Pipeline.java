package org.watchfloor.model;

import java.util.List;
import java.util.Objects;

/** What produced an {@link EnrichedItem}: annotators in order, CoreNLP version, gazetteer version. */
public record Pipeline(List<String> annotators, String version, String gazetteer) {
    public Pipeline {
        annotators = List.copyOf(Objects.requireNonNull(annotators, "annotators"));
        Objects.requireNonNull(version, "version");
    }
}
