package org.watchfloor.enrich;

import java.util.Objects;
import org.watchfloor.model.Entity;

/**
 * An entity mention with where it sits among the tokens ({@code first} inclusive, {@code end}
 * exclusive, in sentence {@code sentence}) and what the gazetteer made of it ({@code form}, null
 * when the gazetteer does not know the name).
 */
record Mention(Entity entity, int sentence, int first, int end, Gazetteer.SurfaceForm form) {
    Mention {
        Objects.requireNonNull(entity, "entity");
    }

    boolean known() {
        return form != null;
    }

    GazetteerEntry entry() {
        return form == null ? null : form.entry();
    }

    /**
     * The actor this mention stands for: the entry itself for states, people and bodies, the state for
     * a demonym or a metonym place ("Pyongyang said"), null for plain places and unknown names.
     */
    String actorId() {
        if (form == null) {
            return null;
        }
        GazetteerEntry entry = form.entry();
        return entry.kind() == GazetteerEntry.Kind.LOCATION ? entry.metonymFor() : entry.id();
    }

    /** The state whose troops this mention would name ("North Korean", "Pyongyang's", "Kim's"). */
    String owningState() {
        return form == null ? null : form.entry().owningState();
    }

    /** True for a gazetteer place, or an unknown name that the model tagged as a location. */
    boolean isPlace() {
        if (form != null) {
            return form.entry().kind() == GazetteerEntry.Kind.LOCATION;
        }
        return NerTypes.LOCATION.equals(entity.type());
    }

    boolean isState() {
        return form != null && !form.demonym() && form.entry().kind() == GazetteerEntry.Kind.STATE;
    }

    /** Where a troop figure is placed: the gazetteer id, or the text of a place it does not know. */
    String placeOrStateId() {
        return form != null ? form.entry().id() : entity.text();
    }
}
