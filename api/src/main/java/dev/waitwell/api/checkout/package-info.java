/**
 * The shop's checkout and its storefront: {@code POST /api/v1/orders} decides the order's kind with the product
 * row locked (a pre-order, an in-stock order allocated at once, or a backorder with an honest promised date),
 * writes it idempotently by order id and starts its workflow; the storefront also reads an order and sets the
 * payment method for its next charge.
 */
package dev.waitwell.api.checkout;
