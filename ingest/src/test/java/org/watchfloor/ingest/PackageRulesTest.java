package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package rules of ingest, read from its sources: Rome in one package, classes small. */
class PackageRulesTest {
    private static final Path SOURCES = Path.of("src/main/java/org/watchfloor/ingest");

    @Test
    void romeIsImportedByTheParsePackageOnly() throws IOException {
        List<Path> users = sources().filter(p -> read(p).contains("import com.rometools")).toList();
        assertThat(users).isNotEmpty().allSatisfy(p -> assertThat(SOURCES.relativize(p).getParent())
                .as("%s imports Rome", p).isEqualTo(Path.of("parse")));
    }

    @Test
    void noClassIsLongerThanThreeHundredLines() {
        assertThat(sources()).allSatisfy(p -> assertThat(read(p).lines().count()).as(p.toString()).isLessThanOrEqualTo(300));
    }

    private static Stream<Path> sources() {
        try {
            return Files.walk(SOURCES).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
