package org.watchfloor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;
import org.watchfloor.broker.EmbeddedKafkaBroker;

/**
 * Gives a test class one real Kafka broker, started before its first test and stopped after its
 * last. Declare a {@link KafkaCluster} parameter to receive it.
 *
 * <p>The system property {@value #MODE_PROPERTY} chooses the broker: {@code embedded} (a KRaft
 * broker inside the test JVM), {@code container} (Testcontainers with the official
 * {@value #IMAGE} image) or {@code auto} (the default: the container where a Docker engine
 * answers, else embedded).
 */
public final class KafkaExtension implements BeforeAllCallback, ParameterResolver {
    public static final String MODE_PROPERTY = "watchfloor.test.kafka";
    public static final String IMAGE = "apache/kafka:4.1.1";
    private static final Logger log = LoggerFactory.getLogger(KafkaExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static KafkaCluster cluster(ExtensionContext context) {
        ExtensionContext classContext = context.getRoot() == context ? context : classContext(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("cluster", key -> start(classContext.getDisplayName()), Running.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static Running start(String owner) {
        String mode = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
        boolean container = switch (mode) {
            case "container" -> true;
            case "embedded" -> false;
            case "auto" -> dockerAvailable();
            default -> throw new IllegalArgumentException(
                    MODE_PROPERTY + " must be embedded, container or auto, was '" + mode + "'");
        };
        return container ? startContainer(owner) : startEmbedded(owner);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Running startContainer(String owner) {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(IMAGE));
        kafka.start();
        log.info("{}: Kafka container {} at {}", owner, IMAGE, kafka.getBootstrapServers());
        return new Running("container", kafka.getBootstrapServers(), kafka::stop);
    }

    private static Running startEmbedded(String owner) {
        try {
            Path dir = Files.createTempDirectory("watchfloor-it-kafka-");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir);
            log.info("{}: embedded Kafka at {}", owner, broker.bootstrapServers());
            return new Running("embedded", broker.bootstrapServers(), () -> {
                broker.close();
                deleteRecursively(dir);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }

    /** A started broker, stopped when JUnit closes the class's store. */
    private record Running(String kind, String bootstrapServers, Runnable stopper)
            implements KafkaCluster, ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stopper.run();
        }
    }
}
