package org.watchfloor.app;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The flags of the settings that decide what the Streams stages look for and remember; each names
 * its setting, which a settings file or variable can give as well.
 */
final class StageOptions {
    @Option(names = "--topic-pack", paramLabel = "FILE.yaml", descriptionKey = WatchfloorSettings.TOPIC_PACK,
            description = "Topic pack that seeds an empty watchlists topic (default: the bundled pack of the North "
                    + "Korean troops paper). Once seeded, change topics with 'watchfloor topics apply'.")
    Path topicPack;

    @Option(names = "--gazetteer", paramLabel = "FILE.tsv", descriptionKey = WatchfloorSettings.GAZETTEER,
            description = "Your own actors and places, merged over the bundled gazetteer (same id replaces).")
    Path gazetteer;

    @Option(names = "--state-dir", paramLabel = "DIR", descriptionKey = WatchfloorSettings.STATE_DIR,
            description = "Where the Streams stages keep their local state (setting state.dir, default data/streams).")
    Path stateDir;

    @Option(names = "--seen-retention", paramLabel = "DURATION", descriptionKey = WatchfloorSettings.SEEN_RETENTION,
            description = "How long enrich remembers an item after its last delivery, ISO-8601: a copy with the same "
                    + "content delivered within it is not enriched again; about 250 bytes of heap per item "
                    + "(setting enrich.seen.retention, default P7D).")
    Duration seenRetention;
}
