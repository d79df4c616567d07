package dev.waitwell.api.checkout;

import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * For tests of other features: what checkout leaves when the API stops between its transaction's commit and the
 * workflow start, an order stored without a workflow. Checkout's classes stay package-private; this reaches them.
 */
public final class StrandedCheckouts {

    private StrandedCheckouts() {}

    /** Stores a FULL-paid order of one unit of {@code sku} for customer {@code c-rec}, starting no workflow. */
    public static void place(ApplicationContext context, String orderId, String sku) {
        context.getBean(CheckoutTransaction.class)
                .place(new CheckoutRequest(
                        orderId,
                        new CheckoutRequest.CustomerRequest(
                                "c-rec", "Ada", "ada@example.com", null, List.of("EMAIL"), null),
                        sku,
                        1,
                        "FULL",
                        "pm_card_visa"));
    }
}
