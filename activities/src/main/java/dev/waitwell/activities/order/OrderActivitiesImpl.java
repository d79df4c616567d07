package dev.waitwell.activities.order;

import dev.waitwell.activities.shared.ConstraintViolations;
import dev.waitwell.workflows.order.FulfilmentRequest;
import dev.waitwell.workflows.order.OrderActivities;
import dev.waitwell.workflows.order.ShipmentRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The fulfilment request to the warehouse and the shipment it confirmed. */
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
    public void recordShipment(ShipmentRecord record) {
        Timeline.requireOrder(
                record.orderId(),
                jdbc.sql("""
                        UPDATE orders SET carrier = :carrier, tracking_number = :tracking, updated_at = now()
                         WHERE order_id = :orderId""")
                        .param("carrier", record.shipment().carrier())
                        .param("tracking", record.shipment().trackingNumber())
                        .param("orderId", record.orderId())
                        .update());
        log.info(
                "Order {} shipped with {} {}",
                record.orderId(),
                record.shipment().carrier(),
                record.shipment().trackingNumber());
    }

    @Override
    public void requestFulfilment(FulfilmentRequest request) {
        ConstraintViolations.failForGood(
                "Fulfilment request of order " + request.orderId(),
                () -> transactions.executeWithoutResult(tx -> {
                    boolean created = jdbc.sql("""
                            INSERT INTO fulfilment_requests (order_id, sku, quantity)
                            VALUES (:orderId, :sku, :quantity)
                            ON CONFLICT (order_id) DO NOTHING""")
                                    .param("orderId", request.orderId())
                                    .param("sku", request.sku())
                                    .param("quantity", request.quantity())
                                    .update()
                            == 1;
                    if (created) {
                        timeline.append(
                                request.orderId(),
                                "fulfilment-requested",
                                "FULFILMENT_REQUESTED",
                                "Fulfilment requested: " + request.quantity() + " x " + request.sku());
                        log.info(
                                "Order {}: fulfilment requested for {} x {}",
                                request.orderId(),
                                request.quantity(),
                                request.sku());
                    }
                }));
    }
}
