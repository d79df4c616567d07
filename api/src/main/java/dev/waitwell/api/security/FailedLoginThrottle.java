package dev.waitwell.api.security;

import dev.waitwell.api.ratelimit.FailedLogins;
import dev.waitwell.api.shared.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Runs before HTTP Basic authentication: a login from a user name or an address that failed too often lately is
 * answered 429 without its password being checked ({@link FailedLogins}, which also counts the failures). A request
 * without credentials passes untouched.
 */
final class FailedLoginThrottle extends OncePerRequestFilter {

    private static final String BASIC = "basic ";

    private final FailedLogins failedLogins;
    private final HandlerExceptionResolver resolver;

    FailedLoginThrottle(FailedLogins failedLogins, HandlerExceptionResolver resolver) {
        this.failedLogins = failedLogins;
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = username(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (username != null) {
            try {
                failedLogins.checkAllowed(username, request.getRemoteAddr());
            } catch (ApiException throttled) {
                resolver.resolveException(request, response, null, throttled);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name of HTTP Basic credentials; null without them, or when malformed (Basic then refuses them). */
    private static String username(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
