package org.watchfloor.model;

import java.util.Objects;

/**
 * A named-entity mention in {@link NewsItem#text()}: {@code start} and {@code end} are character
 * offsets into that text; {@code canonical} is the gazetteer id when the mention is known;
 * {@code actor} is the actor the mention stands for where it names one: the entry itself for states,
 * people and bodies, the state for a demonym ("North Korean") or a place standing for its state
 * ("Seoul said"), null for plain places and unknown names.
 */
public record Entity(String text, String type, int start, int end, String canonical, String actor) {
    public Entity {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + "," + end + ") for '" + text + "'");
        }
    }

    /** A mention without the actor it stands for. */
    public Entity(String text, String type, int start, int end, String canonical) {
        this(text, type, start, end, canonical, null);
    }

    /** This mention standing for {@code actorId}. */
    public Entity withActor(String actorId) {
        return new Entity(text, type, start, end, canonical, actorId);
    }
}
