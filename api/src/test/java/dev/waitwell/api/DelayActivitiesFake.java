package dev.waitwell.api;

import dev.waitwell.workflows.delay.DelayActivities;
import dev.waitwell.workflows.delay.PromiseRecord;
import dev.waitwell.workflows.delay.RewardCode;
import dev.waitwell.workflows.delay.RewardRequest;
import dev.waitwell.workflows.delay.SwitchOutcome;
import dev.waitwell.workflows.delay.SwitchRequest;
import dev.waitwell.workflows.shared.BusinessFailure;
import java.security.SecureRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stands in for the worker's delay activities in the API tests, in the test database as the activities module
 * does: the promised date with a timeline entry, one reward code per order and delay, and a switch that moves
 * the order's units to the alternative (or refuses with OUT_OF_STOCK, changing nothing).
 */
public class DelayActivitiesFake implements DelayActivities {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DelayActivitiesFake(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void recordPromise(PromiseRecord record) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE orders SET promised_date = ? WHERE order_id = ?")
                    .param(1, record.promisedDate(), java.sql.Types.DATE)
                    .param(2, record.orderId())
                    .update();
            jdbc.sql("""
                    INSERT INTO order_events (order_id, event_key, type, message) VALUES (?, ?, 'PROMISE_CHANGED', ?)
                    ON CONFLICT (order_id, event_key) DO NOTHING""")
                    .params(record.orderId(), record.eventKey(), record.message())
                    .update();
        });
    }

    @Override
    public RewardCode issueReward(RewardRequest request) {
        StringBuilder code = new StringBuilder("WAIT-");
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        jdbc.sql("""
                INSERT INTO reward_codes (code, order_id, customer_id, delay_number, percent) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (order_id, delay_number) DO NOTHING""")
                .params(
                        code.toString(),
                        request.orderId(),
                        request.customerId(),
                        request.delayNumber(),
                        request.percent())
                .update();
        return jdbc.sql("SELECT code, percent FROM reward_codes WHERE order_id = ? AND delay_number = ?")
                .params(request.orderId(), request.delayNumber())
                .query((rs, row) -> new RewardCode(rs.getString(1), rs.getInt(2)))
                .single();
    }

    @Override
    public SwitchOutcome switchItem(SwitchRequest request) {
        return transaction.execute(status -> {
            int onHand = jdbc.sql("SELECT on_hand FROM products WHERE sku = ? FOR UPDATE")
                    .param(request.toSku())
                    .query(Integer.class)
                    .single();
            String current = jdbc.sql("SELECT sku FROM order_stock WHERE order_id = ?")
                    .param(request.orderId())
                    .query(String.class)
                    .single();
            if (current.equals(request.toSku())) {
                return new SwitchOutcome(null);
            }
            if (onHand < request.quantity()) {
                throw BusinessFailure.OUT_OF_STOCK.raise(request.toSku() + " has " + onHand + " unit(s)");
            }
            int held = jdbc.sql("SELECT allocated FROM order_stock WHERE order_id = ?")
                    .param(request.orderId())
                    .query(Integer.class)
                    .single();
            jdbc.sql("""
                    UPDATE products SET on_hand = on_hand + :held, allocated = allocated - :held,
                           backordered = backordered - (:quantity - :held) WHERE sku = :sku""")
                    .param("held", held)
                    .param("quantity", request.quantity())
                    .param("sku", request.fromSku())
                    .update();
            jdbc.sql("UPDATE products SET on_hand = on_hand - ?, allocated = allocated + ? WHERE sku = ?")
                    .params(request.quantity(), request.quantity(), request.toSku())
                    .update();
            jdbc.sql("UPDATE order_stock SET sku = ?, allocated = quantity, state = 'ALLOCATED' WHERE order_id = ?")
                    .params(request.toSku(), request.orderId())
                    .update();
            jdbc.sql("UPDATE orders SET sku = ?, unit_price_minor = ?, total_minor = ? * quantity WHERE order_id = ?")
                    .params(
                            request.toSku(),
                            request.unitPrice().amountMinor(),
                            request.unitPrice().amountMinor(),
                            request.orderId())
                    .update();
            return new SwitchOutcome(null);
        });
    }
}
