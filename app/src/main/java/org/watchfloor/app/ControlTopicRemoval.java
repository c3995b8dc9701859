package org.watchfloor.app;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code topics remove} and {@code subscriptions remove} share: a key not in force is refused
 * (exit 1) unless {@code --force}, which writes the tombstone anyway, e.g. over an unreadable record.
 */
final class ControlTopicRemoval {
    private ControlTopicRemoval() {
    }

    static int remove(CommandSpec spec, String kind, String key, boolean force, Supplier<Set<String>> inForce,
                      Consumer<String> remove) {
        if (!force && !inForce.get().contains(key)) {
            spec.commandLine().getErr().println("no " + kind + " '" + key + "' in force; nothing removed "
                    + "(--force writes the removal anyway)");
            return 1;
        }
        remove.accept(key);
        spec.commandLine().getOut().println("removed " + key);
        return 0;
    }
}
