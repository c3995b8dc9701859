package org.watchfloor.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.watchfloor.model.Alert;

/**
 * One try of one alert (or feed-health notice) to one webhook: a POST in the channel's format with the
 * Standard Webhooks headers ({@link WebhookSignature}), {@code webhook-id} being the alert's (notice's) id
 * so that receivers can drop repeats. Asynchronous: the future fails with a {@link DeliveryFailure} whose message is the
 * reason (HTTP status, no answer in time, connection refused, unreadable secret). The secret is read at
 * each try, so a rotated secret file takes effect without a restart. Redirects are not followed (the
 * stage's client says so): a signed alert goes only where the subscription says, and a 3xx is a failure.
 * At most {@value #PER_HOST} requests go to one receiver at once; the others wait their turn, at most
 * {@code turnWait} (the delivery deadline) each.
 */
final class WebhookSender implements ChannelSender {
    /** Requests at once to one receiver (host and port); more wait their turn ({@link HostLimit}). */
    static final int PER_HOST = 8;

    private final HttpClient client;
    private final Clock clock;
    private final UnaryOperator<String> environment;
    private final HostLimit limit = new HostLimit(PER_HOST);
    private final Duration turnWait;

    WebhookSender(HttpClient client, Clock clock, UnaryOperator<String> environment, Duration turnWait) {
        this.turnWait = Objects.requireNonNull(turnWait, "turnWait");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public CompletableFuture<Void> send(List<Alert> alerts, Channel channel, Duration timeout) {
        Alert alert = alerts.get(0);
        return post(alert.id(), AlertPayload.of(alert, channel.formatOrDefault()), channel, timeout);
    }

    @Override
    public CompletableFuture<Void> sendNotice(FeedNotice notice, Channel channel, Duration timeout) {
        return post(notice.id(), AlertPayload.of(notice, channel.formatOrDefault()), channel, timeout);
    }

    private CompletableFuture<Void> post(String id, AlertPayload payload, Channel channel, Duration timeout) {
        HttpRequest request;
        try {
            request = request(id, payload, channel, timeout);
        } catch (DeliveryFailure e) {
            return CompletableFuture.failedFuture(e);
        } catch (IllegalArgumentException e) {
            // A malformed whsec_ secret or URL: the message names which, never the secret.
            return CompletableFuture.failedFuture(new DeliveryFailure(e.getMessage()));
        }
        String host = request.uri().getHost() + ":" + request.uri().getPort();
        return limit.run(host, turnWait, () -> send(request, timeout));
    }

    private CompletableFuture<Void> send(HttpRequest request, Duration timeout) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                throw new CompletionException(new DeliveryFailure(reason(error, timeout)));
            }
            if (response.statusCode() / 100 != 2) {
                throw new CompletionException(new DeliveryFailure("HTTP " + response.statusCode()));
            }
            return null;
        });
    }

    private HttpRequest request(String id, AlertPayload payload, Channel channel, Duration timeout) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(channel.webhook()))
                .timeout(timeout)
                .header("Content-Type", payload.contentType())
                .header(WebhookSignature.ID, id)
                .header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body()));
        String secret = secret(channel);
        if (secret != null) {
            request.header(WebhookSignature.SIGNATURE, WebhookSignature.of(secret).sign(id, timestamp, payload.body()));
        }
        return request.build();
    }

    /** The channel's secret, or null when it has none; never part of a message. */
    private String secret(Channel channel) {
        if (channel.secretFile() != null) {
            try {
                return Files.readString(Path.of(channel.secretFile())).strip();
            } catch (IOException | RuntimeException e) {
                throw new DeliveryFailure("cannot read the secret file " + channel.secretFile() + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if (channel.secretEnv() != null) {
            String value = environment.apply(channel.secretEnv());
            if (value == null || value.isBlank()) {
                throw new DeliveryFailure("the secret variable " + channel.secretEnv() + " is not set");
            }
            return value;
        }
        return null;
    }

    private static String reason(Throwable error, Duration timeout) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout;
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
