package dev.waitwell.api.customer;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How every page behind the customer's link is answered: HTML, never cached, its URL (the token) kept to itself. */
final class PageResponses {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private PageResponses() {}

    static ResponseEntity<String> html(HttpStatus status, String html) {
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                // the token is in the URL: keep it out of other sites' logs
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }
}
