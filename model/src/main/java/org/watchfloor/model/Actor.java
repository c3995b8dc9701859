package org.watchfloor.model;

import java.util.Objects;

/**
 * A canonical actor: a state ({@code id} = ISO 3166-1 alpha-3, e.g. {@code PRK}), a person or a body
 * with a stable id. {@code kind} is {@code state}, {@code person} or {@code organization};
 * {@code state} is the state a person or body acts for (null for states and where none is known);
 * {@code wikidata} is the actor's Wikidata QID (e.g. {@code Q423}) where the gazetteer holds one, so
 * downstream systems can join on it.
 */
public record Actor(String id, String name, String kind, String state, String wikidata) {
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (wikidata != null && !wikidata.matches("Q[1-9][0-9]*")) {
            throw new IllegalArgumentException("wikidata id of actor '" + id + "' must look like Q123, was '"
                    + wikidata + "'");
        }
    }

    /** An actor without a state it acts for and without a Wikidata id. */
    public Actor(String id, String name, String kind) {
        this(id, name, kind, null, null);
    }

    /** True when this actor is {@code stateId} or acts for it. */
    public boolean actsFor(String stateId) {
        return id.equals(stateId) || stateId.equals(state);
    }
}
