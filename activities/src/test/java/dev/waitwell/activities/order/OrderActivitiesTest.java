package dev.waitwell.activities.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.activities.DatabaseTest;
import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.lifecycle.PaymentMethodRecord;
import dev.waitwell.workflows.lifecycle.StatusChange;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.order.FulfilmentRequest;
import dev.waitwell.workflows.order.OrderActivities;
import dev.waitwell.workflows.order.Shipment;
import dev.waitwell.workflows.order.ShipmentRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class OrderActivitiesTest extends DatabaseTest {

    @Autowired
    @Qualifier("orderActivities") OrderActivities orders;

    @Autowired
    @Qualifier("timelineActivities") TimelineActivities timeline;

    @Test
    void statusChangeIsRecordedOnceWithItsTimelineEvent() {
        String orderId = fixture.preorder();
        StatusChange change = new StatusChange(orderId, "status/1", OrderStatus.AWAITING_PAYMENT, "Charge declined");

        timeline.recordStatus(change);
        timeline.recordStatus(change);

        assertThat(status(orderId)).isEqualTo("AWAITING_PAYMENT");
        assertThat(timeline(orderId)).containsExactly("STATUS_AWAITING_PAYMENT: Charge declined");
    }

    @Test
    void retriedOlderStatusChangeDoesNotOverwriteANewerOne() {
        String orderId = fixture.preorder();
        StatusChange older = new StatusChange(orderId, "status/1", OrderStatus.AWAITING_PAYMENT, "Charge declined");
        timeline.recordStatus(older);
        timeline.recordStatus(new StatusChange(orderId, "status/2", OrderStatus.READY_TO_SHIP, "Paid"));

        timeline.recordStatus(older);

        assertThat(status(orderId)).isEqualTo("READY_TO_SHIP");
    }

    @Test
    void aCancellationKeepsItsReasonForTheReports() {
        String orderId = fixture.preorder();

        timeline.recordStatus(new StatusChange(
                orderId,
                "status/1",
                OrderStatus.CANCELLED,
                "Cancelled by support: customer moved abroad; refunded USD 20.00",
                "customer moved abroad"));

        assertThat(status(orderId)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT cancellation_reason FROM orders WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("customer moved abroad");
    }

    @Test
    void eventIsRecordedOncePerKey() {
        String orderId = fixture.preorder();
        OrderEvent event = new OrderEvent(orderId, "payment/checkout", "PAYMENT_CHARGED", "Charged USD 20.00");

        timeline.recordEvent(event);
        timeline.recordEvent(event);

        assertThat(timeline(orderId)).containsExactly("PAYMENT_CHARGED: Charged USD 20.00");
    }

    @Test
    void paymentMethodAndShipmentAreWrittenToTheOrder() {
        String orderId = fixture.preorder();

        timeline.recordPaymentMethod(new PaymentMethodRecord(orderId, "pm_card_mastercard"));
        orders.recordShipment(new ShipmentRecord(orderId, new Shipment("DHL", "JD0001")));

        assertThat(jdbc.sql("SELECT payment_method || ' ' || carrier || ' ' || tracking_number FROM orders"
                                + " WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("pm_card_mastercard DHL JD0001");
    }

    @Test
    void fulfilmentIsRequestedOnce() {
        String orderId = fixture.preorder();
        String sku = jdbc.sql("SELECT sku FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();
        FulfilmentRequest request =
                new FulfilmentRequest(orderId, sku, 1, new Customer("c-1", "Ada", null, null, null));

        orders.requestFulfilment(request);
        orders.requestFulfilment(request);

        assertThat(jdbc.sql("SELECT count(*) FROM fulfilment_requests WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(timeline(orderId)).containsExactly("FULFILMENT_REQUESTED: Fulfilment requested: 1 x " + sku);
    }

    private String status(String orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();
    }

    private List<String> timeline(String orderId) {
        return jdbc.sql("SELECT type || ': ' || message FROM order_events WHERE order_id = ? ORDER BY id")
                .param(orderId)
                .query(String.class)
                .list();
    }
}
