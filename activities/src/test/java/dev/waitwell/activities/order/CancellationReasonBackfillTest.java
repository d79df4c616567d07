package dev.waitwell.activities.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.activities.DatabaseTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * V12 gives orders cancelled before the workflow sent its reason the reason from their timeline. Run here again
 * on rows written as those older orders were; a second run changes nothing.
 */
class CancellationReasonBackfillTest extends DatabaseTest {

    private static final String MIGRATION = "db/migration/V12__cancellation_reasons_from_the_timeline.sql";

    @Test
    void takesTheReasonFromTheCancelledEventWhereTheOrderHasNone() throws IOException {
        String old = cancelledWithoutReason("Cancelled by support: customer moved abroad; refunded USD 20.00");
        String oddMessage = cancelledWithoutReason("Cancelled, somehow");
        String current = fixture.preorder();
        jdbc.sql("UPDATE orders SET status = 'CANCELLED', cancellation_reason = 'duplicate order' WHERE order_id = ?")
                .param(current)
                .update();
        event(current, "Cancelled by admin: something else; refunded USD 20.00");

        backfill();
        backfill();

        assertThat(reason(old)).isEqualTo("customer moved abroad");
        assertThat(reason(oddMessage)).isEqualTo("(none)");
        assertThat(reason(current)).as("a stored reason stays").isEqualTo("duplicate order");
    }

    private String cancelledWithoutReason(String message) {
        String orderId = fixture.preorder();
        jdbc.sql("UPDATE orders SET status = 'CANCELLED', cancellation_reason = NULL WHERE order_id = ?")
                .param(orderId)
                .update();
        event(orderId, message);
        return orderId;
    }

    private void event(String orderId, String message) {
        jdbc.sql("INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, 'status-9', "
                        + "'STATUS_CANCELLED', ?)")
                .params(orderId, message)
                .update();
    }

    private void backfill() throws IOException {
        jdbc.sql(new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8))
                .update();
    }

    private String reason(String orderId) {
        return jdbc.sql("SELECT coalesce(cancellation_reason, '(none)') FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();
    }
}
