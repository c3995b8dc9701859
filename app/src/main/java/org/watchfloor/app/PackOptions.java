package org.watchfloor.app;

import java.nio.file.Path;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.enrich.Gazetteer;
import picocli.CommandLine.Option;

/** The data that decides what Watchfloor looks for: the topic pack and the actor gazetteer. */
final class PackOptions {
    @Option(names = "--topic-pack", paramLabel = "FILE.yaml",
            description = "Topic pack to match (default: the bundled pack of the North Korean troops paper).")
    Path topicPack;

    @Option(names = "--gazetteer", paramLabel = "FILE.tsv",
            description = "Actor and place gazetteer (default: the bundled one).")
    Path gazetteer;

    TopicPack pack() {
        return topicPack == null ? TopicPack.defaultPack() : TopicPack.load(topicPack);
    }

    Gazetteer gazetteer() {
        return gazetteer == null ? Gazetteer.bundled() : Gazetteer.load(gazetteer);
    }
}
