package org.watchfloor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Requests to one receiver beyond the limit wait their turn, in order; one that waits too long fails. */
class HostLimitTest {
    @Test
    void requestsBeyondTheLimitWaitAndStartInOrderAsSlotsFree() {
        HostLimit limit = new HostLimit(2);
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        List<Integer> started = new ArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            CompletableFuture<Void> answer = new CompletableFuture<>();
            answers.add(answer);
            done.add(limit.run("hooks:443", Duration.ofSeconds(10), () -> {
                started.add(n);
                return answer;
            }));
        }
        assertThat(started).containsExactly(0, 1);

        answers.get(1).complete(null);
        assertThat(started).containsExactly(0, 1, 2);
        answers.get(0).completeExceptionally(new DeliveryFailure("HTTP 500"));
        assertThat(started).containsExactly(0, 1, 2, 3);
        assertThat(done.get(1)).isCompleted();
        assertThat(done.get(0)).isCompletedExceptionally();

        List<Integer> other = new ArrayList<>();
        limit.run("elsewhere:443", Duration.ofSeconds(10), () -> {
            other.add(1);
            return CompletableFuture.completedFuture(null);
        });
        assertThat(other).as("another receiver has slots of its own").containsExactly(1);
    }

    @Test
    void aRequestThatGetsNoTurnWithinItsWaitFailsAndGivesNoSlotAway() throws Exception {
        HostLimit limit = new HostLimit(1);
        CompletableFuture<Void> hanging = new CompletableFuture<>();
        limit.run("dead:80", Duration.ofSeconds(10), () -> hanging);
        List<String> started = new ArrayList<>();
        CompletableFuture<Void> queued = limit.run("dead:80", Duration.ofMillis(50), () -> {
            started.add("queued");
            return CompletableFuture.completedFuture(null);
        });

        try {
            queued.get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DeliveryFailure.class).hasMessageStartingWith("no turn within PT0.05S");
        }
        assertThat(queued).isCompletedExceptionally();
        hanging.complete(null);
        CompletableFuture<Void> next = limit.run("dead:80", Duration.ofSeconds(1),
                () -> CompletableFuture.completedFuture(null));
        assertThat(next).isCompleted();
        assertThat(started).isEmpty();
    }
}
