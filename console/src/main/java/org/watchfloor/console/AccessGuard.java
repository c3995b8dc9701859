package org.watchfloor.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What every request to the console passes first. Each response gets a Content-Security-Policy that admits
 * only the console's own files (no inline script, no framing). With a token set, a request needs it, as
 * {@code Authorization: Bearer TOKEN} (programs) or as the {@value #COOKIE} cookie, which {@code /?token=TOKEN}
 * sets (HttpOnly, SameSite=Strict) for a browser; otherwise 401. A request that changes something must also
 * show it was sent by the console's own script, which a form on another site cannot do: a JSON body, the
 * {@value #REQUEST_HEADER} header, and, where the browser sends one, an {@code Origin} of this very server.
 */
final class AccessGuard {
    static final String COOKIE = "watchfloor_token";
    static final String REQUEST_HEADER = "X-Watchfloor-Request";
    static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final byte[] token;

    /** {@code token}: empty for none. */
    AccessGuard(String token) {
        this.token = Objects.requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
    }

    boolean tokenRequired() {
        return token.length > 0;
    }

    /** Whether a request with this {@code Authorization} header and token cookie (either may be null) is let in. */
    boolean admits(String authorization, String cookie) {
        if (!tokenRequired()) {
            return true;
        }
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        return matches(bearer) || matches(cookie);
    }

    /** Why a state-changing request may have been forged by another site; empty when it may not. */
    static Optional<String> forgery(String contentType, String requestHeader, String origin, String host) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Optional.of("the body must be JSON (Content-Type: application/json)");
        }
        if (requestHeader == null || requestHeader.isBlank()) {
            return Optional.of("the " + REQUEST_HEADER + " header is missing");
        }
        if (origin != null && !(origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host))) {
            return Optional.of("Origin " + origin + " is not this console");
        }
        return Optional.empty();
    }

    /** The before-handler of every request (see the class comment). */
    void check(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (!tokenRequired()) {
            return;
        }
        String offered = ctx.queryParam("token");
        if ("/".equals(ctx.path()) && matches(offered)) {
            ctx.header("Set-Cookie", COOKIE + "=" + offered + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!admits(ctx.header("Authorization"), ctx.cookie(COOKIE))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"watchfloor\"");
            throw new UnauthorizedResponse("a token is required: Authorization: Bearer TOKEN, or open /?token=TOKEN");
        }
    }

    private boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
    }
}
