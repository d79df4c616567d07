/**
 * The API's view of payments: which saved payment methods the gateway knows (checked at checkout and on a
 * change of method) and what an order was charged and refunded, read from the {@code payments} table the
 * payment activities write.
 */
package dev.waitwell.api.payment;
