package dev.waitwell.workflows.order;

import dev.waitwell.workflows.lifecycle.OrderStatus;

/** How an order workflow ended: shipped or cancelled, with the money it moved. */
public record OrderOutcome(String orderId, OrderStatus status, String currency, long paid, long refunded) {}
