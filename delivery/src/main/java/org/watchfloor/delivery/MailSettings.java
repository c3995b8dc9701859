package org.watchfloor.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Objects;

/**
 * The SMTP server e-mail channels send through. {@code host} empty means none is configured: an e-mail
 * channel then fails with that reason and its alerts go to {@code alerts.undelivered}. The password is
 * named, never held: {@code passwordFile} (read at each send) or {@code passwordEnv} (a variable of the
 * delivery process); both empty means no password. {@code starttls} makes STARTTLS required. {@code from}
 * must be an address.
 */
public record MailSettings(String host, int port, boolean starttls, String username, String passwordFile,
                           String passwordEnv, String from) {
    public MailSettings {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        username = username == null ? "" : username;
        passwordFile = passwordFile == null ? "" : passwordFile;
        passwordEnv = passwordEnv == null ? "" : passwordEnv;
        checkAddress(Objects.requireNonNull(from, "from"));
    }

    /** Throws {@link IllegalArgumentException} unless {@code address} is one e-mail address (RFC 822, strict). */
    public static void checkAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + address + "' is not an e-mail address", e);
        }
    }

    /** No SMTP server: port 587 with STARTTLS once a host is given, from {@code watchfloor@localhost}. */
    public static MailSettings defaults() {
        return new MailSettings("", 587, true, "", "", "", "watchfloor@localhost");
    }

    /** This server at {@code host:port}, plain (no STARTTLS, no login), for loopback servers and tests. */
    public static MailSettings plain(String host, int port, String from) {
        return new MailSettings(host, port, false, "", "", "", from);
    }

    boolean configured() {
        return !host.isBlank();
    }
}
