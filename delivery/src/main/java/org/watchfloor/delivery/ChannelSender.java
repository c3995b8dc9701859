package org.watchfloor.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.watchfloor.model.Alert;

/**
 * One try of one message to one channel: one alert, the alerts of an e-mail digest, or a feed-health notice. Asynchronous;
 * the future fails with a {@link DeliveryFailure} naming the reason. {@link Dispatcher} retries.
 */
interface ChannelSender {
    CompletableFuture<Void> send(List<Alert> alerts, Channel channel, Duration timeout);

    /** One try of a feed-health notice; a channel that carries alerts only completes at once. */
    CompletableFuture<Void> sendNotice(FeedNotice notice, Channel channel, Duration timeout);
}
