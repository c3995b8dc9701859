package org.watchfloor.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an item may carry that raises a topic's base severity one level (listed per topic under
 * {@code raiseSeverityOn} in the pack). Each one present raises once, up to FLASH.
 */
public enum SeverityRaise {
    /** A troop figure of an actor of the first group that the story did not have yet. */
    TROOP_FIGURE("troop-figure"),
    /** A casualty figure (killed, wounded, captured, missing) the story did not have yet. */
    CASUALTIES("casualties"),
    /** Troops of a state the story had not yet reported deploying. */
    STATE_ACTOR_DEPLOYING("state-actor-deploying");

    private final String yamlName;

    SeverityRaise(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    static Optional<SeverityRaise> fromYaml(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.yamlName.equals(wanted)).findFirst();
    }
}
