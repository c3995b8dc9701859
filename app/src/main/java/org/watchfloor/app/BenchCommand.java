package org.watchfloor.app;

import org.watchfloor.bench.AlertsBench;
import org.watchfloor.bench.ConsoleBench;
import org.watchfloor.bench.DeliveryBench;
import org.watchfloor.bench.EnrichBench;
import org.watchfloor.bench.IngestBench;
import org.watchfloor.bench.SoakBench;
import picocli.CommandLine.Command;

/** Benchmarks, not tests: each prints its figures against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure a stage on this machine (see README, 'Benchmarks').",
        subcommands = {IngestBench.class, EnrichBench.class, AlertsBench.class, SoakBench.class, DeliveryBench.class,
                ConsoleBench.class})
final class BenchCommand {
}
