package dev.waitwell.workflows.delay;

/** A discount code issued to a customer, unique across the shop. */
public record RewardCode(String code, int percent) {}
