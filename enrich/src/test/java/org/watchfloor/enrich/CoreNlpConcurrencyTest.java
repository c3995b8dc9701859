package org.watchfloor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;

/**
 * The stage shares one CoreNLP pipeline between its stream threads; this is the evidence that doing
 * so changes nothing: the same items enriched from two threads at once equal a sequential run.
 */
class CoreNlpConcurrencyTest {
    @Test
    void twoThreadsOnTheSharedPipelineGiveTheSequentialOutput() throws Exception {
        Enricher enricher = SharedTagger.enricher();
        List<NewsItem> items = new ArrayList<>();
        for (QualityItem q : QualityItem.loadAll()) {
            items.add(q.item());
        }
        List<EnrichedItem> sequential = items.stream().map(enricher::enrich).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<EnrichedItem>> futures = new ArrayList<>();
                items.forEach(item -> futures.add(pool.submit(() -> enricher.enrich(item))));
                for (int i = 0; i < items.size(); i++) {
                    assertThat(futures.get(i).get()).as("item %s", items.get(i).id()).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
