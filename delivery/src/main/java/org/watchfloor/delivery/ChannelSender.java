package org.watchfloor.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.watchfloor.model.Alert;

/**
 * One try of one message to one channel: one alert, or the alerts of an e-mail digest. Asynchronous;
 * the future fails with a {@link DeliveryFailure} naming the reason. {@link Dispatcher} retries.
 */
interface ChannelSender {
    CompletableFuture<Void> send(List<Alert> alerts, Channel channel, Duration timeout);
}
