package dev.waitwell.api.payment;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.workflows.shared.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disputes the processor reports: a customer asked their bank for a charge's money back. Each is recorded once on
 * its order ({@code order_disputes}, which support's view and the business metrics read) with an entry on the
 * audit trail by {@value #REPORTER}, in one transaction.
 */
@Component
class Disputes {

    /** Who reported the dispute, on the audit trail. */
    static final String REPORTER = "stripe";

    static final String OPENED = "DISPUTE_OPENED";

    private static final Logger log = LoggerFactory.getLogger(Disputes.class);

    private final JdbcClient jdbc;
    private final StaffActions staffActions;
    private final TransactionTemplate transaction;

    Disputes(JdbcClient jdbc, StaffActions staffActions, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.staffActions = staffActions;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A dispute as the processor describes it; {@code chargeReference} is the disputed PaymentIntent. */
    record Opened(
            String disputeId,
            String chargeReference,
            long amount,
            String currency,
            String reason,
            String status,
            Instant openedAt) {}

    /**
     * Records the dispute on the order whose charge it names.
     *
     * @return false when no charge of ours has that reference (the dispute is not Waitwell's)
     */
    boolean opened(Opened dispute) {
        Optional<String> orderId = orderOf(dispute.chargeReference());
        if (orderId.isEmpty()) {
            log.info(
                    "Dispute {} names {}, which is no charge of ours; ignored",
                    dispute.disputeId(),
                    dispute.chargeReference());
            return false;
        }
        transaction.executeWithoutResult(status -> {
            if (insert(orderId.get(), dispute)) {
                staffActions.record(
                        StaffAction.onOrder(REPORTER, OPENED, orderId.get(), dispute.reason(), details(dispute)));
                log.warn(
                        "Order {}: the customer disputed {} ({})",
                        orderId.get(),
                        dispute.chargeReference(),
                        dispute.reason());
            }
        });
        return true;
    }

    private Optional<String> orderOf(String chargeReference) {
        return jdbc.sql("""
                SELECT order_id FROM payments WHERE gateway_reference = ? AND kind = 'CHARGE' ORDER BY id LIMIT 1""").param(chargeReference).query(String.class).optional();
    }

    /** Whether this call recorded it (a repeated report finds it recorded). */
    private boolean insert(String orderId, Opened dispute) {
        return jdbc.sql("""
                        INSERT INTO order_disputes (dispute_id, order_id, charge_reference, amount_minor, currency,
                                                    reason, status, opened_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (dispute_id) DO NOTHING""")
                        .params(
                                dispute.disputeId(),
                                orderId,
                                dispute.chargeReference(),
                                dispute.amount(),
                                dispute.currency(),
                                dispute.reason(),
                                dispute.status(),
                                Timestamp.from(dispute.openedAt()))
                        .update()
                == 1;
    }

    private static String details(Opened dispute) {
        return Money.of(dispute.amount(), dispute.currency()).display() + " disputed, " + dispute.disputeId() + " of "
                + dispute.chargeReference();
    }
}
