package org.watchfloor.model;

import java.util.Objects;

/**
 * A canonical actor: a state ({@code id} = ISO 3166-1 alpha-3, e.g. {@code PRK}), a person or a body
 * with a stable id. {@code kind} is {@code state}, {@code person} or {@code organization}.
 */
public record Actor(String id, String name, String kind) {
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
