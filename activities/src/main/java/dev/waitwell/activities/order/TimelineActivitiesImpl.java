package dev.waitwell.activities.order;

import dev.waitwell.workflows.lifecycle.OrderEvent;
import dev.waitwell.workflows.lifecycle.PaymentMethodRecord;
import dev.waitwell.workflows.lifecycle.StatusChange;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The order's status, timeline and payment method as the workflow decides them; every write keyed, so once. */
@Component("timelineActivities")
class TimelineActivitiesImpl implements TimelineActivities {

    private static final Logger log = LoggerFactory.getLogger(TimelineActivitiesImpl.class);

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final TransactionTemplate transactions;

    TimelineActivitiesImpl(JdbcClient jdbc, Timeline timeline, TransactionTemplate transactions) {
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
            Timeline.requireOrder(
                    change.orderId(),
                    jdbc.sql("""
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
        Timeline.requireOrder(
                record.orderId(),
                jdbc.sql("""
                        UPDATE orders SET payment_method = :method, updated_at = now()
                         WHERE order_id = :orderId""")
                        .param("method", record.paymentMethod())
                        .param("orderId", record.orderId())
                        .update());
        log.info("Order {} now pays with {}", record.orderId(), record.paymentMethod());
    }
}
