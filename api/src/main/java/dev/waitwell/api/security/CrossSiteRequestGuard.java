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
 * can post a form (form-encoded, multipart or text/plain) anywhere without asking, and a script of its own can send
 * a body-less POST; a JSON body or a header of its own needs a CORS preflight first, which this API never grants.
 * Browsers mark every request with {@code Sec-Fetch-Site}, a header no page can set or remove. So a request that may
 * change something passes when it carries {@code Content-Type: application/json} (or {@code application/*+json}) or
 * an {@code X-Requested-By} header (any value), when a browser sends it from the API's own pages (Swagger UI:
 * {@code same-origin}), or when it has neither a body nor a content type and comes from no browser (a script's
 * action without a body, such as a release); a browser's request from another site never passes. The customer's
 * pages ({@code /c/**}: forms by design, the signed link's token is the key, no cookie or credentials) and the
 * providers' webhooks ({@code /webhooks/**}: signed) are left to their own checks.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

    static final String REQUESTED_BY = "X-Requested-By";
    private static final String FETCH_SITE = "Sec-Fetch-Site";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** The API's own pages, or the user typing the address: never another site's page. */
    private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

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
        String site = request.getHeader(FETCH_SITE);
        boolean fromAnotherSite = site != null && !SAME_SITE.contains(site);
        if (!fromAnotherSite
                && (json(request.getContentType())
                        || hasText(request.getHeader(REQUESTED_BY))
                        || site != null
                        || withoutBody(request))) {
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
                                + " an X-Requested-By header (any value), which a page of another site cannot add,"
                                + " and never from another site's page."));
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

    /** No body, no content type, no browser: what a script sends for an action without a body. */
    private static boolean withoutBody(HttpServletRequest request) {
        return request.getContentType() == null
                && request.getContentLengthLong() <= 0
                && request.getHeader("Transfer-Encoding") == null;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
