package dev.waitwell.api.checkout;

import dev.waitwell.messages.MessageLocales;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.order.PaymentPlan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.constraints.UniqueElements;

/** The body of {@code POST /api/v1/orders}. The order's kind is decided by the system, never sent. */
record CheckoutRequest(
        @NotBlank @Pattern(regexp = CheckoutRequest.ID, message = "must match " + CheckoutRequest.ID) String orderId,

        @NotNull @Valid CustomerRequest customer,

        @NotBlank @Pattern(regexp = CheckoutRequest.ID, message = "must match " + CheckoutRequest.ID) String sku,

        @NotNull @Min(1) @OrderQuantity Integer quantity,

        @Pattern(regexp = "FULL|DEPOSIT|PAY_LATER", message = "must be one of FULL, DEPOSIT, PAY_LATER") String paymentPlan,

        @NotBlank @Size(max = 200) String paymentMethod) {

    static final String ID = "[A-Za-z0-9._-]{1,64}";

    // Enums travel as strings so that a bad value is reported with every other invalid field, not alone.

    /** The payment plan, or null when left out (a pre-order needs one; other orders default to FULL). */
    PaymentPlan plan() {
        return paymentPlan == null ? null : PaymentPlan.valueOf(paymentPlan);
    }

    /** The customer and the channels they agreed to; each chosen channel needs its address. */
    @ReachableOnChosenChannels
    record CustomerRequest(
            @NotBlank @Size(max = 200) String id,
            @Size(max = 200) String name,
            @Email @Size(max = 254) String email,

            @Pattern(regexp = "^\\+[1-9]\\d{1,14}$", message = "must be an E.164 number such as +14155550123") String phone,

            // At most one of each: a long list is a hostile caller, a repeated channel a mistake worth naming.
            @Size(max = 2) @UniqueElements(message = "must not repeat a channel")
            List<@NotNull @Pattern(regexp = "EMAIL|SMS", message = "must be EMAIL or SMS") String> channels,

            // BCP 47 ("de-DE"); a language Waitwell does not write, or no tag, gets the shop's language.
            @Size(max = 35) String locale) {

        /**
         * The customer's language as a well-formed BCP 47 tag ({@code de-DE}), or null when they gave none or an
         * unreadable one: messages are then in the shop's language. Kept as given, so a language added later applies.
         */
        String languageTag() {
            return MessageLocales.readable(locale).map(Locale::toLanguageTag).orElse(null);
        }

        /** The chosen channels; call only on a validated request. */
        List<Channel> channelsOrNone() {
            return channels == null
                    ? List.of()
                    : channels.stream().map(Channel::valueOf).distinct().toList();
        }
    }
}
