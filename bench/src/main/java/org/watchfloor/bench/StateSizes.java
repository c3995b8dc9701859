package org.watchfloor.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.watchfloor.alerts.AlertsTopology;
import org.watchfloor.enrich.EnrichTopology;

/**
 * The state of the enrich and alerts stages as the soak prints it: the entries of every store, counted through
 * interactive queries (exact, where RocksDB's own estimate is not), and the bytes of each stage's state folder.
 */
final class StateSizes {
    /** Store → column heading. */
    private static final Map<String, String> ALERTS = columns(AlertsTopology.ITEM_STORIES, "items",
            AlertsTopology.FINGERPRINTS, "prints", AlertsTopology.STORY_INDEX, "index", AlertsTopology.STORY_STORE,
            "states", AlertsTopology.TOKEN_FREQUENCIES, "tokens", AlertsTopology.SURGE_STORE, "surge",
            AlertsTopology.WATCHLIST_STORE, "rules");
    private static final Map<String, String> ENRICH = columns(EnrichTopology.SEEN_STORE, "seen");
    private static final String FORMAT = "%8s";

    /** One reading: entries per store in column order, then state bytes of alerts and enrich. */
    record Reading(List<Long> entries, long alertsBytes, long enrichBytes) {
        long value(int column) {
            return column < entries.size() ? entries.get(column) : column == entries.size() ? alertsBytes : enrichBytes;
        }
    }

    private StateSizes() {
    }

    static String heading() {
        StringBuilder line = new StringBuilder();
        ALERTS.values().forEach(h -> line.append(String.format(Locale.ROOT, FORMAT, h)));
        ENRICH.values().forEach(h -> line.append(String.format(Locale.ROOT, FORMAT, h)));
        return line.append(String.format(Locale.ROOT, "%10s%10s", "alerts-MB", "enrich-MB")).toString();
    }

    static Reading read(KafkaStreams alerts, Path alertsState, KafkaStreams enrich, Path enrichState) throws IOException {
        List<Long> entries = new ArrayList<>();
        ALERTS.keySet().forEach(store -> entries.add(entries(alerts, store)));
        ENRICH.keySet().forEach(store -> entries.add(entries(enrich, store)));
        return new Reading(entries, WorkDir.bytes(alertsState), WorkDir.bytes(enrichState));
    }

    static String line(Reading r) {
        StringBuilder line = new StringBuilder();
        r.entries().forEach(n -> line.append(String.format(Locale.ROOT, FORMAT, n)));
        return line.append(String.format(Locale.ROOT, "%10.1f%10.1f", r.alertsBytes() / 1e6, r.enrichBytes() / 1e6))
                .toString();
    }

    /** Each column of {@code last} over the same of {@code first}. */
    static String ratios(Reading first, Reading last) {
        StringBuilder line = new StringBuilder();
        int columns = first.entries().size() + 2;
        for (int c = 0; c < columns; c++) {
            String ratio = first.value(c) == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) last.value(c) / first.value(c));
            line.append(String.format(Locale.ROOT, c < columns - 2 ? FORMAT : "%10s", ratio));
        }
        return line.toString();
    }

    private static long entries(KafkaStreams streams, String store) {
        ReadOnlyKeyValueStore<Object, Object> s = streams.store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
        long n = 0;
        try (KeyValueIterator<Object, Object> all = s.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    private static Map<String, String> columns(String... storeThenHeading) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < storeThenHeading.length; i += 2) {
            columns.put(storeThenHeading[i], storeThenHeading[i + 1]);
        }
        return columns;
    }
}
