package org.watchfloor.enrich;

import java.util.List;
import java.util.Objects;

/**
 * One row of the gazetteer: a state, person, organisation or location with a stable id.
 *
 * @param state      the state a person or body acts for, or null
 * @param metonymFor the state a place stands for in news prose ("Pyongyang said"), or null
 * @param aliases    surface forms that name the entry itself
 * @param demonyms   surface forms for the people of a state ("North Korean")
 * @param wikidata   the Wikidata QID when the data file gives one (only where certain), else null
 */
public record GazetteerEntry(
        String id,
        Kind kind,
        String name,
        String state,
        String metonymFor,
        List<String> aliases,
        List<String> demonyms,
        String wikidata) {

    /** What an entry is; {@link #label()} is the lower-case word used in the data file and in {@code Actor.kind}. */
    public enum Kind {
        STATE, PERSON, ORGANIZATION, LOCATION;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GazetteerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(Objects.requireNonNull(aliases, "aliases"));
        demonyms = List.copyOf(Objects.requireNonNull(demonyms, "demonyms"));
        if (wikidata != null && !wikidata.matches("Q[1-9][0-9]*")) {
            throw new IllegalArgumentException("wikidata id of '" + id + "' must look like Q123, was '" + wikidata + "'");
        }
    }

    /** An entry without a Wikidata id. */
    public GazetteerEntry(String id, Kind kind, String name, String state, String metonymFor, List<String> aliases,
                          List<String> demonyms) {
        this(id, kind, name, state, metonymFor, aliases, demonyms, null);
    }

    /** True for entries that act (states, people, bodies); places act only through {@link #metonymFor()}. */
    public boolean isActor() {
        return kind != Kind.LOCATION;
    }

    /**
     * The state this entry stands or acts for: a state itself, a metonym's state ("Pyongyang"), the
     * state of a person or body ("Kim's troops"). Null for plain places and stateless bodies (NATO).
     */
    public String owningState() {
        return switch (kind) {
            case STATE -> id;
            case LOCATION -> metonymFor;
            case ORGANIZATION, PERSON -> state;
        };
    }
}
