package dev.waitwell.api.customer;

import dev.waitwell.api.order.CustomerLinks;
import dev.waitwell.api.order.Orders;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Whether a request holds an order's signed link: a token made for that order, not expired, and the order exists. */
@Component
class LinkCheck {

    private final CustomerLinks links;
    private final Orders orders;
    private final Clock clock;

    LinkCheck(CustomerLinks links, Orders orders, Clock clock) {
        this.links = links;
        this.orders = orders;
        this.clock = clock;
    }

    boolean passes(String orderId, String token) {
        return links.isValid(orderId, token, Instant.now(clock)) && orders.exists(orderId);
    }
}
