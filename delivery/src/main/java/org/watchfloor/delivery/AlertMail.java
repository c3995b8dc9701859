package org.watchfloor.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;

/**
 * An alert, or a digest of alerts, as an e-mail: {@code multipart/alternative} with a plain-text and an
 * HTML part, each alert with its severity, kind, topic, headline, reason, evidence, sources (link,
 * publisher, publication time), first-seen time and id; the ids also as {@value #ALERT_ID} headers so
 * that receivers can drop repeats (delivery is at least once). Feed text is hostile: control characters
 * are escaped in the subject and plain text ({@link AlertFormatter#safe}), and all of it is HTML-escaped
 * in the HTML part, where only http(s) links become anchors.
 */
final class AlertMail {
    static final String ALERT_ID = "X-Watchfloor-Alert-Id";
    static final String NOTICE_ID = "X-Watchfloor-Notice-Id";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AlertMail() {
    }

    static MimeMessage of(Session session, String from, List<String> to, List<Alert> alerts) throws MessagingException {
        MimeMessage message = addressed(session, from, to, subject(alerts));
        for (Alert a : alerts) {
            message.addHeader(ALERT_ID, AlertFormatter.safe(a.id()));
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(text(alerts), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(alerts), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        return message;
    }

    /** A feed-health notice: a short plain-text message, its id as {@value #NOTICE_ID}. */
    static MimeMessage of(Session session, String from, List<String> to, FeedNotice notice) throws MessagingException {
        String subject = "[feed-health] " + (FeedNotice.UNHEALTHY.equals(notice.state()) ? "Feed unhealthy: "
                : "Feed recovered: ") + AlertFormatter.safe(notice.feed());
        MimeMessage message = addressed(session, from, to, subject);
        message.addHeader(NOTICE_ID, notice.id());
        message.setText(notice.text() + "\n", StandardCharsets.UTF_8.name(), "plain");
        return message;
    }

    private static MimeMessage addressed(Session session, String from, List<String> to, String subject)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        for (String address : to) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
        }
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(java.util.Date.from(Instant.now()));
        return message;
    }

    static String subject(List<Alert> alerts) {
        Alert first = alerts.get(0);
        if (alerts.size() == 1) {
            return "[" + first.severity() + "] " + AlertFormatter.safe(first.headline());
        }
        Alert top = alerts.stream().min(Comparator.comparing(Alert::severity)).orElse(first);
        return "[" + top.severity() + "] Watchfloor digest: " + alerts.size() + " alerts, "
                + AlertFormatter.safe(top.headline());
    }

    static String text(List<Alert> alerts) {
        StringBuilder out = new StringBuilder();
        if (alerts.size() > 1) {
            out.append(alerts.size()).append(" alerts\n\n");
        }
        for (Alert a : alerts) {
            out.append(a.severity()).append(' ').append(a.kind()).append(" [").append(AlertFormatter.safe(a.topicName()))
                    .append("] ").append(AlertFormatter.safe(a.headline())).append('\n');
            out.append("Why: ").append(AlertFormatter.safe(a.reason())).append('\n');
            for (String sentence : a.evidence()) {
                out.append("  > ").append(AlertFormatter.safe(sentence)).append('\n');
            }
            out.append("Sources:\n");
            for (AlertItem item : a.items()) {
                out.append("  - ").append(AlertFormatter.safe(item.source())).append(' ')
                        .append(AlertFormatter.safe(item.link())).append(published(item)).append('\n');
            }
            out.append("First seen ").append(TIME.format(a.firstSeen())).append(" · sources ").append(a.sourceCount())
                    .append(" · story ").append(AlertFormatter.safe(a.storyId())).append('\n');
            out.append("Alert id: ").append(AlertFormatter.safe(a.id())).append("\n\n");
        }
        return out.toString();
    }

    static String html(List<Alert> alerts) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body>");
        if (alerts.size() > 1) {
            out.append("<p>").append(alerts.size()).append(" alerts</p>");
        }
        for (Alert a : alerts) {
            out.append("<h2>").append(a.severity()).append(' ').append(a.kind()).append(": ")
                    .append(escape(a.headline())).append("</h2>");
            out.append("<p>Topic: ").append(escape(a.topicName())).append("<br>Why: ").append(escape(a.reason()))
                    .append("</p>");
            if (!a.evidence().isEmpty()) {
                out.append("<blockquote>");
                a.evidence().forEach(sentence -> out.append("<p>").append(escape(sentence)).append("</p>"));
                out.append("</blockquote>");
            }
            out.append("<ul>");
            for (AlertItem item : a.items()) {
                out.append("<li>").append(link(item.link(), item.source())).append(escape(published(item))).append("</li>");
            }
            out.append("</ul><p>First seen ").append(TIME.format(a.firstSeen())).append(" · sources ")
                    .append(a.sourceCount()).append(" · alert id <code>").append(escape(a.id()))
                    .append("</code></p>");
        }
        return out.append("</body></html>").toString();
    }

    private static String published(AlertItem item) {
        return item.published() == null ? "" : " (published " + TIME.format(item.published()) + ")";
    }

    private static String link(String href, String label) {
        String text = escape(label == null || label.isBlank() ? href : label);
        String lower = href == null ? "" : href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return "<a href=\"" + escape(href) + "\">" + text + "</a> " + escape(href);
        }
        return text + " " + escape(href);
    }

    /** {@code text} safe between HTML tags and inside a quoted attribute; control characters escaped too. */
    static String escape(String text) {
        return AlertFormatter.safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
