package dev.waitwell.activities.delay;

import dev.waitwell.activities.inventory.ItemSwitch;
import dev.waitwell.activities.order.Timeline;
import dev.waitwell.activities.shared.ConstraintViolations;
import dev.waitwell.workflows.delay.DelayActivities;
import dev.waitwell.workflows.delay.PromiseRecord;
import dev.waitwell.workflows.delay.RewardCode;
import dev.waitwell.workflows.delay.RewardRequest;
import dev.waitwell.workflows.delay.SwitchOutcome;
import dev.waitwell.workflows.delay.SwitchRequest;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component("delayActivities")
class DelayActivitiesImpl implements DelayActivities {

    private static final Logger log = LoggerFactory.getLogger(DelayActivitiesImpl.class);
    private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int CODE_LENGTH = 8;
    private static final int CODE_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final TransactionTemplate transactions;
    private final ItemSwitch itemSwitch;
    private final SecureRandom random = new SecureRandom();

    DelayActivitiesImpl(JdbcClient jdbc, Timeline timeline, TransactionTemplate transactions, ItemSwitch itemSwitch) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.transactions = transactions;
        this.itemSwitch = itemSwitch;
    }

    @Override
    public void recordPromise(PromiseRecord record) {
        transactions.executeWithoutResult(tx -> {
            // The event decides, as for statuses: a retried older promise must not overwrite a newer one.
            if (!timeline.append(record.orderId(), record.eventKey(), "PROMISE", record.message())) {
                log.debug("Order {} promise {} recorded already", record.orderId(), record.eventKey());
                return;
            }
            int updated = jdbc.sql("""
                            UPDATE orders SET promised_date = :promised, updated_at = now()
                             WHERE order_id = :orderId""")
                    .param("promised", record.promisedDate(), java.sql.Types.DATE)
                    .param("orderId", record.orderId())
                    .update();
            if (updated == 0) {
                throw new IllegalStateException("order " + record.orderId() + " does not exist");
            }
            log.info(
                    "Order {} is now promised for {}",
                    record.orderId(),
                    record.promisedDate() == null ? "an unknown date" : record.promisedDate());
        });
    }

    /** A clash of random codes (36^8 of them) is rare; a new code is drawn for it, the order's row wins. */
    @Override
    public RewardCode issueReward(RewardRequest request) {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            RewardCode issued = issued(request);
            if (issued != null) {
                return issued;
            }
            jdbc.sql("""
                            INSERT INTO reward_codes (code, order_id, customer_id, delay_number, percent)
                            VALUES (:code, :orderId, :customerId, :delayNumber, :percent)
                            ON CONFLICT DO NOTHING""")
                    .param("code", newCode())
                    .param("orderId", request.orderId())
                    .param("customerId", request.customerId())
                    .param("delayNumber", request.delayNumber())
                    .param("percent", request.percent())
                    .update();
        }
        RewardCode issued = issued(request);
        if (issued == null) {
            throw new IllegalStateException(
                    "no unique reward code for order " + request.orderId() + " after " + CODE_ATTEMPTS + " attempts");
        }
        return issued;
    }

    @Override
    public SwitchOutcome switchItem(SwitchRequest request) {
        return ConstraintViolations.failForGood(
                "Switch of order " + request.orderId() + " to " + request.toSku(),
                () -> transactions.execute(tx -> {
                    requireCurrency(request);
                    ItemSwitch.Outcome moved =
                            itemSwitch.move(request.orderId(), request.fromSku(), request.toSku(), request.quantity());
                    if (moved.switchedNow()) {
                        long total = Math.multiplyExact(request.unitPrice().amountMinor(), (long) request.quantity());
                        jdbc.sql("""
                                UPDATE orders SET sku = :sku, unit_price_minor = :price, total_minor = :total,
                                                  first_payment_minor = least(first_payment_minor, :total),
                                                  updated_at = now()
                                 WHERE order_id = :orderId""")
                                .param("sku", request.toSku())
                                .param("price", request.unitPrice().amountMinor())
                                .param("total", total)
                                .param("orderId", request.orderId())
                                .update();
                        timeline.append(
                                request.orderId(),
                                "switch/" + request.toSku(),
                                "SWITCHED",
                                "Switched from "
                                        + request.fromSku() + " to " + request.toSku() + ": " + request.quantity()
                                        + " units allocated from stock at "
                                        + request.unitPrice().display() + " each");
                    }
                    return new SwitchOutcome(moved.reallocation());
                }));
    }

    private void requireCurrency(SwitchRequest request) {
        String currency = jdbc.sql("SELECT currency FROM orders WHERE order_id = :orderId")
                .param("orderId", request.orderId())
                .query(String.class)
                .optional()
                .orElseThrow(() -> BusinessFailure.SWITCH_NOT_POSSIBLE.raise("no order " + request.orderId()));
        if (!currency.equals(request.unitPrice().currency())) {
            throw BusinessFailure.SWITCH_NOT_POSSIBLE.raise("order " + request.orderId() + " is in " + currency
                    + ", the alternative priced in " + request.unitPrice().currency());
        }
    }

    private RewardCode issued(RewardRequest request) {
        return jdbc.sql("SELECT code, percent FROM reward_codes WHERE order_id = :orderId AND delay_number = :number")
                .param("orderId", request.orderId())
                .param("number", request.delayNumber())
                .query((rs, n) -> new RewardCode(rs.getString("code"), rs.getInt("percent")))
                .optional()
                .orElse(null);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder("WAIT-");
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
