package dev.waitwell.api.bodylimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses a body over its limit before anything reads it: a declared {@code Content-Length} over the limit at once;
 * a chunked body as soon as more than the limit is read (JSON through {@link LimitedBody}, a form by Tomcat's own
 * limit, which the same setting configures, asked here so that the refusal comes before the customer's token is
 * read). Runs before Spring Security, so that not even a login is checked for such a request.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    /** Stripe's events are larger than our own bodies; its controller checks the same limit itself. */
    static final long STRIPE_WEBHOOK_LIMIT = 1024 * 1024;

    static final String STRIPE_WEBHOOK = "/webhooks/stripe";

    private final long limit;
    private final HandlerExceptionResolver problems;

    BodyLimitFilter(long limit, HandlerExceptionResolver problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long allowed = STRIPE_WEBHOOK.equals(request.getRequestURI()) ? Math.max(limit, STRIPE_WEBHOOK_LIMIT) : limit;
        long declared = request.getContentLengthLong();
        if (declared > allowed || (declared < 0 && formTooLarge(request))) {
            problems.resolveException(request, response, null, new BodyTooLarge(allowed));
            return;
        }
        chain.doFilter(declared < 0 ? new LimitedBody(request, allowed) : request, response);
    }

    /** A chunked form: Tomcat reads it up to its form limit when parameters are first asked for. */
    private static boolean formTooLarge(HttpServletRequest request) {
        if (!isForm(request)) {
            return false;
        }
        try {
            request.getParameterMap();
            return false;
        } catch (InvalidParameterException refused) {
            if (refused.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                return true;
            }
            throw refused;
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !"POST".equals(request.getMethod())) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
        } catch (InvalidMediaTypeException notAType) {
            return false; // refused as unsupported further on
        }
    }
}
