package org.watchfloor.console;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;

/**
 * The figures and actors of the items that alerts refer to, from {@code news.enriched}. Most enriched items
 * never make an alert, so an item not (yet) alerted waits among the last {@code pendingLimit} such items and
 * is dropped after them: memory grows with the alerts, not with the feeds. Either may be read first, as
 * happens when the console replays both topics from their beginning. Safe to use from several threads.
 */
public final class FigureBook {
    static final int PENDING_LIMIT = 10_000;

    private final Map<String, ItemFigures> alerted = new HashMap<>();
    private final Set<String> wanted = new HashSet<>();
    private final Map<String, ItemFigures> pending;

    public FigureBook() {
        this(PENDING_LIMIT);
    }

    FigureBook(int pendingLimit) {
        if (pendingLimit < 1) {
            throw new IllegalArgumentException("pendingLimit must be at least 1, was " + pendingLimit);
        }
        this.pending = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ItemFigures> eldest) {
                return size() > pendingLimit;
            }
        };
    }

    /** Keeps {@code figures}: for good when an alert refers to its item, else among the pending ones. */
    public synchronized void add(ItemFigures figures) {
        if (wanted.contains(figures.itemId())) {
            alerted.put(figures.itemId(), figures);
        } else {
            pending.put(figures.itemId(), figures);
        }
    }

    /** Marks the items of {@code alert} as kept for good. */
    public synchronized void alerted(Alert alert) {
        for (AlertItem item : alert.items()) {
            if (wanted.add(item.id())) {
                ItemFigures figures = pending.remove(item.id());
                if (figures != null) {
                    alerted.put(item.id(), figures);
                }
            }
        }
    }

    /** The figures of an alerted item, once its enriched record has been read. */
    public synchronized Optional<ItemFigures> figures(String itemId) {
        return Optional.ofNullable(alerted.get(itemId));
    }

    synchronized int pendingSize() {
        return pending.size();
    }
}
