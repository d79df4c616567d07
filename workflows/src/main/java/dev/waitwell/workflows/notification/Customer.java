package dev.waitwell.workflows.notification;

import java.util.List;
import java.util.Objects;

/**
 * The customer of an order and the channels they agreed to be reached on.
 *
 * @param locale the language they asked for at checkout (BCP 47, {@code de-DE}); null in histories from before it was
 *     asked, and for customers who did not say: the shop's language then
 */
public record Customer(String id, String name, String email, String phone, List<Channel> channels, String locale) {

    public Customer {
        Objects.requireNonNull(id, "id");
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** A customer who did not say their language. */
    public Customer(String id, String name, String email, String phone, List<Channel> channels) {
        this(id, name, email, phone, channels, null);
    }

    /** The same customer reached on {@code channels} only. */
    public Customer reachedOn(List<Channel> only) {
        return new Customer(id, name, email, phone, only, locale);
    }

    public boolean wants(Channel channel) {
        return channels.contains(channel);
    }
}
