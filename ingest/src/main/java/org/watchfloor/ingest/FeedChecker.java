package org.watchfloor.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.watchfloor.ingest.fetch.FeedFetchException;
import org.watchfloor.ingest.fetch.FetchedFeed;
import org.watchfloor.ingest.parse.FailureReason;
import org.watchfloor.ingest.parse.FeedParseException;
import org.watchfloor.ingest.parse.FeedParser;
import org.watchfloor.ingest.parse.ParsedFeed;

/**
 * Runs the production fetch-and-parse path ({@link FeedFetcher}, {@link FeedParser}) on files,
 * folders (recursively, hidden entries skipped) or URLs, without Kafka, and prints one TAB-separated
 * line per input: {@code name ok entries type} or {@code name error reason}, then a summary line.
 * One bad input never stops the others.
 */
public final class FeedChecker {
    private final FeedFetcher fetcher;
    private final FeedParser parser;

    public FeedChecker(FeedFetcher fetcher, FeedParser parser) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** What the check counted. */
    public record Summary(int checked, int ok) {
        public int failed() {
            return checked - ok;
        }

        public String line() {
            return "checked " + checked + ": " + ok + " ok, " + failed() + " failed";
        }
    }

    public Summary check(List<String> inputs, PrintWriter out) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(out, "out");
        int checked = 0;
        int ok = 0;
        for (String input : inputs) {
            for (Target target : expand(input)) {
                checked++;
                String line = checkOne(target);
                ok += line.startsWith(target.name() + "\tok\t") ? 1 : 0;
                out.println(line);
            }
        }
        Summary summary = new Summary(checked, ok);
        out.println(summary.line());
        out.flush();
        return summary;
    }

    private String checkOne(Target target) {
        if (target.uri() == null) {
            return target.name() + "\terror\t" + target.error();
        }
        try {
            FetchedFeed fetched = fetcher.fetch(target.uri());
            ParsedFeed feed = parser.parse(target.uri(), fetched.body(), fetched.contentType());
            return target.name() + "\tok\t" + feed.entries().size() + "\t" + feed.type();
        } catch (FeedFetchException e) {
            return target.name() + "\terror\t" + oneLine(e.reason());
        } catch (FeedParseException e) {
            return target.name() + "\terror\t" + oneLine(e.reason());
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must cost one line, not the run.
            return target.name() + "\terror\tunexpected " + oneLine(FailureReason.of(e));
        }
    }

    private static String oneLine(String reason) {
        return reason.replaceAll("\\s+", " ");
    }

    private record Target(String name, URI uri, String error) {
    }

    private static List<Target> expand(String input) {
        if (input.matches("(?i)^https?://.*")) {
            try {
                return List.of(new Target(input, new URI(input), null));
            } catch (java.net.URISyntaxException e) {
                return List.of(new Target(input, null, "not a URI: " + e.getMessage()));
            }
        }
        Path path = Path.of(input);
        if (Files.isRegularFile(path)) {
            return List.of(new Target(input, path.toAbsolutePath().toUri(), null));
        }
        if (!Files.isDirectory(path)) {
            return List.of(new Target(input, null, "no such file or folder"));
        }
        List<Target> targets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(path)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !hidden(path.relativize(f)))
                    .sorted()
                    .forEach(f -> targets.add(new Target(f.toString(), f.toAbsolutePath().toUri(), null)));
        } catch (IOException | UncheckedIOException e) {
            targets.add(new Target(input, null, "cannot list folder: " + e.getMessage()));
        }
        return targets;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
