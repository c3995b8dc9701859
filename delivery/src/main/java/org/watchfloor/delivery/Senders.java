package org.watchfloor.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.watchfloor.model.Alert;

/** Hands each message to the sender of its channel's kind: webhook, e-mail or Kafka. */
record Senders(ChannelSender webhook, ChannelSender email, ChannelSender kafka) implements ChannelSender {
    Senders {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(kafka, "kafka");
    }

    @Override
    public CompletableFuture<Void> send(List<Alert> alerts, Channel channel, Duration timeout) {
        return of(channel).send(alerts, channel, timeout);
    }

    @Override
    public CompletableFuture<Void> sendNotice(FeedNotice notice, Channel channel, Duration timeout) {
        return of(channel).sendNotice(notice, channel, timeout);
    }

    private ChannelSender of(Channel channel) {
        return channel.email() != null ? email : channel.kafka() != null ? kafka : webhook;
    }
}
