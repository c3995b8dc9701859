package org.watchfloor.app;

import java.nio.file.Path;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.enrich.Gazetteer;
import picocli.CommandLine.Option;

/** The data that decides what Watchfloor looks for: the topic pack and the actor gazetteer. */
final class PackOptions {
    @Option(names = "--topic-pack", paramLabel = "FILE.yaml",
            description = "Topic pack that seeds an empty watchlists topic (default: the bundled pack of the North "
                    + "Korean troops paper). Once seeded, change topics with 'watchfloor topics apply'.")
    Path topicPack;

    @Option(names = "--gazetteer", paramLabel = "FILE.tsv",
            description = "Your own actors and places, merged over the bundled gazetteer (same id replaces).")
    Path gazetteer;

    TopicPack pack() {
        return topicPack == null ? TopicPack.defaultPack() : TopicPack.load(topicPack);
    }

    Gazetteer gazetteer() {
        return gazetteer == null ? Gazetteer.bundled() : Gazetteer.load(Gazetteer.bundled(), gazetteer);
    }
}
