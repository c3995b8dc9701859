package org.watchfloor.enrich;

import java.util.List;

/**
 * Named-entity types on tokens. The statistical 3-class model gives PERSON, LOCATION, ORGANIZATION
 * and MISC; the gazetteer adds COUNTRY for states and NATIONALITY for demonyms (CoreNLP's own
 * fine-grained names, so consumers that know CoreNLP read them as expected).
 */
final class NerTypes {
    static final String PERSON = "PERSON";
    static final String LOCATION = "LOCATION";
    static final String ORGANIZATION = "ORGANIZATION";
    static final String MISC = "MISC";
    static final String COUNTRY = "COUNTRY";
    static final String NATIONALITY = "NATIONALITY";

    /** Types a gazetteer match may replace: everything the model or the gazetteer itself can give. */
    static final List<String> OVERWRITABLE = List.of(PERSON, LOCATION, ORGANIZATION, MISC, COUNTRY, NATIONALITY);

    private NerTypes() {
    }

    static String forGazetteer(GazetteerEntry.Kind kind, boolean demonym) {
        if (demonym) {
            return NATIONALITY;
        }
        return switch (kind) {
            case STATE -> COUNTRY;
            case PERSON -> PERSON;
            case ORGANIZATION -> ORGANIZATION;
            case LOCATION -> LOCATION;
        };
    }
}
