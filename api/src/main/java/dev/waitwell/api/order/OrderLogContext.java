package dev.waitwell.api.order;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the order a request names into the log context ({@code orderId} in the MDC) while the request is answered,
 * so that every line logged meanwhile, refusals by security and rate limits included, says which order it was
 * about. The log pattern prints it as {@code [order-{orderId}]}, the order's workflow id, which is how the
 * worker's lines and the Temporal UI name it too: one search finds them all.
 *
 * <p>Only well-formed order ids (the database's own pattern) get there, so a crafted path cannot forge log lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OrderLogContext extends OncePerRequestFilter {

    static final String KEY = "orderId";

    private static final String ORDER_ID = "[A-Za-z0-9._-]{1,64}";
    private static final Pattern ORDER_ID_ONLY = Pattern.compile(ORDER_ID);
    /** The shop's, staff's and customer's order resources: /api/v1, /admin/v1, /c and /c/v1 orders/{orderId}. */
    private static final Pattern ORDER_PATH =
            Pattern.compile("^/(?:api/v1|admin/v1|c|c/v1)/orders/(" + ORDER_ID + ")(?:/.*)?$");

    /** For a request that names its order in the body rather than the path: checkout. */
    public static void name(String orderId) {
        if (orderId != null && ORDER_ID_ONLY.matcher(orderId).matches()) {
            MDC.put(KEY, orderId);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = ORDER_PATH.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (path.matches()) {
            MDC.put(KEY, path.group(1));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY); // the thread serves other requests next
        }
    }
}
