package org.watchfloor.console;

import java.util.Objects;

/**
 * Where the console listens and whom it lets in: {@code bind} address (127.0.0.1 unless told otherwise),
 * {@code port} (0: any free one), and a {@code token} every request must carry (empty: none).
 */
public record ConsoleSettings(String bind, int port, String token) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ConsoleSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(token, "token");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind must name an address");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
    }

    /** 127.0.0.1:8080, no token. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(DEFAULT_BIND, DEFAULT_PORT, "");
    }

    @Override
    public String toString() {
        return "ConsoleSettings[bind=" + bind + ", port=" + port + ", token=" + (token.isEmpty() ? "none" : "<given>") + "]";
    }
}
