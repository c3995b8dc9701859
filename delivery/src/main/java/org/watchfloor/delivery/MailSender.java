package org.watchfloor.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.watchfloor.model.Alert;

/**
 * One try of one e-mail ({@link AlertMail}: an alert, a digest, or a feed-health notice) through the configured SMTP server.
 * Jakarta Mail blocks, so each try runs on {@code executor}, bounded by the try's timeout for connecting,
 * reading and writing. The password is read at each try (a rotated file counts without a restart) and
 * never appears in a reason.
 */
final class MailSender implements ChannelSender {
    private final MailSettings settings;
    private final Executor executor;
    private final UnaryOperator<String> environment;

    MailSender(MailSettings settings, Executor executor, UnaryOperator<String> environment) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public CompletableFuture<Void> send(List<Alert> alerts, Channel channel, Duration timeout) {
        return send(session -> AlertMail.of(session, settings.from(), channel.email(), alerts), timeout);
    }

    @Override
    public CompletableFuture<Void> sendNotice(FeedNotice notice, Channel channel, Duration timeout) {
        return send(session -> AlertMail.of(session, settings.from(), channel.email(), notice), timeout);
    }

    /** Builds a message in a session. */
    private interface Compose {
        MimeMessage in(Session session) throws MessagingException;
    }

    private CompletableFuture<Void> send(Compose compose, Duration timeout) {
        if (!settings.configured()) {
            return CompletableFuture.failedFuture(new DeliveryFailure("no SMTP server: smtp.host is not set"));
        }
        return CompletableFuture.runAsync(() -> {
            try {
                Session session = Session.getInstance(properties(timeout));
                String password = password();
                MimeMessage message = compose.in(session);
                if (settings.username().isEmpty()) {
                    Transport.send(message);
                } else {
                    Transport.send(message, settings.username(), password);
                }
            } catch (MessagingException e) {
                throw new CompletionException(new DeliveryFailure("SMTP " + settings.host() + ":" + settings.port()
                        + ": " + reason(e)));
            }
        }, executor);
    }

    private Properties properties(Duration timeout) {
        Properties p = new Properties();
        String millis = String.valueOf(Math.max(1, timeout.toMillis()));
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.auth", String.valueOf(!settings.username().isEmpty()));
        p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        return p;
    }

    /** The SMTP password, or null when none is named; a failure names where it was looked for. */
    private String password() {
        if (!settings.passwordFile().isEmpty()) {
            try {
                return Files.readString(Path.of(settings.passwordFile())).strip();
            } catch (IOException | RuntimeException e) {
                throw new CompletionException(new DeliveryFailure("cannot read smtp.password.file "
                        + settings.passwordFile() + " (" + e.getClass().getSimpleName() + ")"));
            }
        }
        if (!settings.passwordEnv().isEmpty()) {
            String value = environment.apply(settings.passwordEnv());
            if (value == null || value.isEmpty()) {
                throw new CompletionException(new DeliveryFailure("the variable " + settings.passwordEnv()
                        + " (smtp.password.env) is not set"));
            }
            return value;
        }
        return null;
    }

    private static String reason(MessagingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return cause == e ? top : top + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }
}
