package org.watchfloor.stage;

import java.util.Optional;

/**
 * A part of a process that can stop for good on its own while the rest goes on: a Streams client, a
 * consumer thread. {@link PartWatch} stops the process when one does, so that it never runs half
 * alive.
 */
public interface Part {
    /** Why this part has stopped without being asked to; empty while it works and after a requested stop. */
    Optional<String> failure();
}
