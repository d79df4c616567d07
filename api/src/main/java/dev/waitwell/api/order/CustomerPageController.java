package dev.waitwell.api.order;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The page behind the link in every message. No login: the signed token is the key. */
@Hidden
@RestController
class CustomerPageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final CustomerLinks links;
    private final OrderQueries queries;
    private final Orders orders;
    private final Clock clock;

    CustomerPageController(CustomerLinks links, OrderQueries queries, Orders orders, Clock clock) {
        this.links = links;
        this.queries = queries;
        this.orders = orders;
        this.clock = clock;
    }

    @GetMapping(value = "/c/orders/{orderId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String orderId, @RequestParam(required = false) String token) {
        if (!links.isValid(orderId, token, Instant.now(clock)) || !orders.exists(orderId)) {
            return respond(HttpStatus.FORBIDDEN, CustomerPage.invalidLink());
        }
        return respond(HttpStatus.OK, CustomerPage.order(queries.details(orderId)));
    }

    private static ResponseEntity<String> respond(HttpStatus status, String html) {
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                // the token is in the URL: keep it out of other sites' logs
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }
}
