package dev.waitwell.activities.payment;

/** The processor's reference for a refund. */
record GatewayRefund(String reference) {}
