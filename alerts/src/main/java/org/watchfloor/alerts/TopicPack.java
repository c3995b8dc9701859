package org.watchfloor.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The topics a watch floor cares about, loaded once at start from YAML: the bundled
 * {@value #DEFAULT_RESOURCE} or a file the user names. Rules are data so that analysts can tune
 * them without a release.
 */
public record TopicPack(String origin, List<TopicRule> topics) {
    public static final String DEFAULT_RESOURCE = "/topics/default-pack.yaml";

    public TopicPack {
        Objects.requireNonNull(origin, "origin");
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
    }

    /** The pack bundled with Watchfloor: the nine topics of the North Korean troops paper. */
    public static TopicPack defaultPack() {
        try (InputStream in = TopicPack.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no topic pack on the classpath at " + DEFAULT_RESOURCE);
            }
            return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** The pack in {@code file}; fails with {@link TopicPackException} naming the file and the fault. */
    public static TopicPack load(Path file) {
        return load(file, id -> true);
    }

    /** The pack in {@code file}, whose actor and place ids must all be {@code known} (the gazetteer's). */
    public static TopicPack load(Path file, Predicate<String> known) {
        Objects.requireNonNull(file, "file");
        try {
            return fromYaml(Files.readString(file, StandardCharsets.UTF_8), file.toString(), known);
        } catch (IOException e) {
            throw new TopicPackException(file + ": cannot read topic pack: " + e.getMessage(), e);
        }
    }

    /** The pack written in {@code yaml}; {@code origin} names it in error messages. */
    public static TopicPack fromYaml(String yaml, String origin) {
        return fromYaml(yaml, origin, id -> true);
    }

    /** The pack written in {@code yaml}, whose actor and place ids must all be {@code known}. */
    public static TopicPack fromYaml(String yaml, String origin, Predicate<String> known) {
        return new TopicPackReader(origin, known).read(yaml);
    }

    public List<String> ids() {
        return topics.stream().map(TopicRule::id).toList();
    }

    public Optional<TopicRule> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
