package org.watchfloor.model;

import java.util.Objects;

/** A place the item mentions; {@code id} is the gazetteer id, or null for a place it does not know. */
public record Place(String id, String name) {
    public Place {
        Objects.requireNonNull(name, "name");
    }
}
