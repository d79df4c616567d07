package dev.waitwell.activities.order;

import dev.waitwell.workflows.order.FulfilmentRequest;
import dev.waitwell.workflows.order.OrderActivities;
import dev.waitwell.workflows.order.OrderEvent;
import dev.waitwell.workflows.order.PaymentMethodRecord;
import dev.waitwell.workflows.order.ShipmentRecord;
import dev.waitwell.workflows.order.StatusChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component("orderActivities")
class OrderActivitiesImpl implements OrderActivities {

    private static final Logger log = LoggerFactory.getLogger(OrderActivitiesImpl.class);

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final TransactionTemplate transactions;

    OrderActivitiesImpl(JdbcClient jdbc, Timeline timeline, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.transactions = transactions;
    }

    @Override
    public void recordStatus(StatusChange change) {
        transactions.executeWithoutResult(tx -> {
            // The event decides: a retry of an older change must not overwrite a newer status.
            if (!timeline.append(change.orderId(), change.eventKey(), "STATUS_" + change.status(), change.message())) {
                log.debug("Order {} status change {} recorded already", change.orderId(), change.eventKey());
                return;
            }
            requireOrder(change.orderId(), jdbc.sql("""
                            UPDATE orders SET status = :status, updated_at = now(),
                                   cancellation_reason = coalesce(:cancellationReason, cancellation_reason)
                             WHERE order_id = :orderId""")
                    .param("status", change.status().name())
                    .param("cancellationReason", change.cancellationReason(), java.sql.Types.VARCHAR)
                    .param("orderId", change.orderId())
                    .update());
            log.info("Order {} is now {}", change.orderId(), change.status());
        });
    }

    @Override
    public void recordEvent(OrderEvent event) {
        timeline.append(event.orderId(), event.eventKey(), event.type(), event.message());
    }

    @Override
    public void recordPaymentMethod(PaymentMethodRecord record) {
        requireOrder(record.orderId(), jdbc.sql("""
                        UPDATE orders SET payment_method = :method, updated_at = now()
                         WHERE order_id = :orderId""")
                .param("method", record.paymentMethod())
                .param("orderId", record.orderId())
                .update());
        log.info("Order {} now pays with {}", record.orderId(), record.paymentMethod());
    }

    @Override
    public void recordShipment(ShipmentRecord record) {
        requireOrder(record.orderId(), jdbc.sql("""
                        UPDATE orders SET carrier = :carrier, tracking_number = :tracking, updated_at = now()
                         WHERE order_id = :orderId""")
                .param("carrier", record.shipment().carrier())
                .param("tracking", record.shipment().trackingNumber())
                .param("orderId", record.orderId())
                .update());
        log.info("Order {} shipped with {} {}", record.orderId(), record.shipment().carrier(),
                record.shipment().trackingNumber());
    }

    @Override
    public void requestFulfilment(FulfilmentRequest request) {
        transactions.executeWithoutResult(tx -> {
            boolean created = jdbc.sql("""
                            INSERT INTO fulfilment_requests (order_id, sku, quantity)
                            VALUES (:orderId, :sku, :quantity)
                            ON CONFLICT (order_id) DO NOTHING""")
                    .param("orderId", request.orderId())
                    .param("sku", request.sku())
                    .param("quantity", request.quantity())
                    .update() == 1;
            if (created) {
                timeline.append(request.orderId(), "fulfilment-requested", "FULFILMENT_REQUESTED",
                        "Fulfilment requested: " + request.quantity() + " x " + request.sku());
                log.info("Order {}: fulfilment requested for {} x {}", request.orderId(), request.quantity(),
                        request.sku());
            }
        });
    }

    private static void requireOrder(String orderId, int updatedRows) {
        if (updatedRows == 0) {
            throw new IllegalStateException("order " + orderId + " does not exist");
        }
    }
}
