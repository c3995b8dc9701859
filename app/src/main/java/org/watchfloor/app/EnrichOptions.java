package org.watchfloor.app;

import java.time.Duration;
import org.watchfloor.enrich.EnrichTopology;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Settings of the enrich stage that its users choose. */
final class EnrichOptions {
    static final String SEEN_RETENTION = "--seen-retention";

    @Option(names = SEEN_RETENTION, defaultValue = "P" + EnrichTopology.DEFAULT_SEEN_RETENTION_DAYS + "D",
            paramLabel = "DURATION", description = "How long enrich remembers an item after its last delivery, "
                    + "ISO-8601: a copy with the same content delivered within it is not enriched again; about 250 "
                    + "bytes of heap per item (default: ${DEFAULT-VALUE}).")
    Duration seenRetention;

    /** The retention, or a usage error naming the option if it is not positive. */
    Duration seenRetention(CommandLine commandLine) {
        if (seenRetention.isZero() || seenRetention.isNegative()) {
            throw new ParameterException(commandLine, SEEN_RETENTION + " must be positive, was " + seenRetention);
        }
        return seenRetention;
    }
}
