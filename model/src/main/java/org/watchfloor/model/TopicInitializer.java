package org.watchfloor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the pipeline's topics that do not exist yet; existing topics are left as they are. */
public final class TopicInitializer {
    private final Admin admin;

    public TopicInitializer(Admin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /** Ensures every data topic of {@code topics} exists with {@code partitions} partitions and {@code replication}. */
    public void ensure(Topics topics, int partitions, short replication) {
        create(topics.names(), partitions, replication, Map.of());
    }

    /** Ensures the named control topics exist, log-compacted so the latest value per key is kept for good. */
    public void ensureCompacted(List<String> names, int partitions, short replication) {
        create(names, partitions, replication, Map.of("cleanup.policy", "compact"));
    }

    private void create(List<String> names, int partitions, short replication, Map<String, String> configs) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, replication).configs(configs));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getMessage(), e);
        }
    }
}
