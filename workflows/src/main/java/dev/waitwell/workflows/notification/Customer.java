package dev.waitwell.workflows.notification;

import java.util.List;
import java.util.Objects;

/** The customer of an order and the channels they agreed to be reached on. */
public record Customer(String id, String name, String email, String phone, List<Channel> channels) {

    public Customer {
        Objects.requireNonNull(id, "id");
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public boolean wants(Channel channel) {
        return channels.contains(channel);
    }
}
