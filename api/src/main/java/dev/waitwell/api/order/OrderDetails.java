package dev.waitwell.api.order;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import java.util.List;

/** An order with its timeline and the messages sent about it. */
public record OrderDetails(
        @JsonUnwrapped OrderView order, List<TimelineEntry> timeline, List<NotificationView> notifications) {

    public record TimelineEntry(OffsetDateTime at, String type, String message) {}

    public record NotificationView(OffsetDateTime at, String channel, String template, String status, String detail) {}
}
