package dev.waitwell.api.security;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Keeps a browser that holds cached Basic credentials from being made to change something by another site. A page
 * can post a form (form-encoded, multipart or text/plain) anywhere without asking; a JSON body or a header of its
 * own needs a CORS preflight first, which this API never grants. So every request that may change something must
 * carry {@code Content-Type: application/json} (or {@code application/*+json}) or an {@code X-Requested-By} header
 * (any value; for requests without a body). A browser's request from the API's own pages (Swagger UI) passes too:
 * browsers mark it {@code Sec-Fetch-Site: same-origin}, a header no page can set. The customer's pages ({@code /c/**}: forms by design, the signed
 * link's token is the key, no cookie or credentials) and the providers' webhooks ({@code /webhooks/**}: signed)
 * are left to their own checks.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

    static final String REQUESTED_BY = "X-Requested-By";
    private static final String FETCH_SITE = "Sec-Fetch-Site";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final HandlerExceptionResolver problems;

    CrossSiteRequestGuard(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SAFE_METHODS.contains(request.getMethod()) || path.startsWith("/c/") || path.startsWith("/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (json(request.getContentType())
                || hasText(request.getHeader(REQUESTED_BY))
                || "same-origin".equals(request.getHeader(FETCH_SITE))) {
            chain.doFilter(request, response);
            return;
        }
        problems.resolveException(
                request,
                response,
                null,
                new ApiException(
                        HttpStatus.FORBIDDEN,
                        ProblemCodes.CROSS_SITE_REQUEST_REFUSED,
                        "A request that changes something must be sent with Content-Type: application/json or with"
                                + " an X-Requested-By header (any value), which a page of another site cannot add."));
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
