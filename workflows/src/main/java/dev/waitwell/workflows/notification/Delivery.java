package dev.waitwell.workflows.notification;

/** One channel's outcome for one message. */
public record Delivery(Channel channel, DeliveryStatus status, String detail) {}
