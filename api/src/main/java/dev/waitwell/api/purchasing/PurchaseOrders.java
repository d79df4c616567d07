package dev.waitwell.api.purchasing;

import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code purchase_orders} and {@code purchase_order_date_changes} tables. */
@Component
class PurchaseOrders {

    private static final String VIEW = """
            SELECT id, supplier, sku, quantity, received, quantity - received AS open, expected_date, created_at,
                   updated_at
              FROM purchase_orders""";

    private final JdbcClient jdbc;

    PurchaseOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The terms a purchase order was created with: what a repeated create must match. */
    record Terms(String supplier, String sku, int quantity, LocalDate expectedDate) {

        static Terms of(PurchaseOrderRequest request) {
            return new Terms(request.supplier(), request.sku(), request.quantity(), request.expectedDate());
        }
    }

    boolean productExists(String sku) {
        return jdbc.sql("SELECT count(*) FROM products WHERE sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Inserts the purchase order unless its id exists; true when it was created. */
    boolean insertIfAbsent(PurchaseOrderRequest request) {
        return jdbc.sql("""
                INSERT INTO purchase_orders (id, supplier, sku, quantity, expected_date)
                VALUES (:id, :supplier, :sku, :quantity, :expectedDate)
                ON CONFLICT (id) DO NOTHING""")
                        .param("id", request.id())
                        .param("supplier", request.supplier())
                        .param("sku", request.sku())
                        .param("quantity", request.quantity())
                        .param("expectedDate", request.expectedDate(), Types.DATE)
                        .update()
                == 1;
    }

    /** The terms as created: the expected date before its first change, if it moved since. */
    Optional<Terms> originalTerms(String id) {
        return jdbc.sql("""
                SELECT supplier, sku, quantity,
                       coalesce((SELECT previous_date FROM purchase_order_date_changes c
                                  WHERE c.purchase_order_id = p.id ORDER BY c.id LIMIT 1), expected_date)
                           AS expected_date
                  FROM purchase_orders p WHERE id = ?""").param(id).query(Terms.class).optional();
    }

    /** The product's stock is now recorded in Waitwell: a release no longer books launch stock for it. */
    void markStockTracked(String sku) {
        jdbc.sql("UPDATE products SET stock_tracked = true, updated_at = now() WHERE sku = ? AND NOT stock_tracked")
                .param(sku)
                .update();
    }

    Optional<PurchaseOrderView> find(String id) {
        return jdbc.sql(VIEW + " WHERE id = ?")
                .param(id)
                .query(PurchaseOrderView.class)
                .optional();
    }

    Optional<PurchaseOrderView> lock(String id) {
        return jdbc.sql(VIEW + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query(PurchaseOrderView.class)
                .optional();
    }

    /** The product's purchase orders, earliest expected first. */
    List<PurchaseOrderView> ofSku(String sku) {
        return jdbc.sql(VIEW + " WHERE sku = ? ORDER BY expected_date, id")
                .param(sku)
                .query(PurchaseOrderView.class)
                .list();
    }

    List<PurchaseOrderView.DateChange> dateChanges(String id) {
        return jdbc.sql("""
                SELECT previous_date, new_date, reason, changed_by, changed_at
                  FROM purchase_order_date_changes WHERE purchase_order_id = ? ORDER BY id""").param(id).query(PurchaseOrderView.DateChange.class).list();
    }

    /** Moves the expected date and keeps the move; the id of the move. */
    long changeDate(String id, LocalDate previous, LocalDate next, String reason, String username) {
        jdbc.sql("UPDATE purchase_orders SET expected_date = :next, updated_at = now() WHERE id = :id")
                .param("next", next, Types.DATE)
                .param("id", id)
                .update();
        return jdbc.sql("""
                INSERT INTO purchase_order_date_changes (purchase_order_id, previous_date, new_date, reason, changed_by)
                VALUES (:id, :previous, :next, :reason, :username) RETURNING id""")
                .param("id", id)
                .param("previous", previous, Types.DATE)
                .param("next", next, Types.DATE)
                .param("reason", reason)
                .param("username", username)
                .query(Long.class)
                .single();
    }

    /** The latest move of the purchase order's date: its id and reason. */
    Optional<LatestChange> latestDateChange(String id) {
        return jdbc.sql("""
                SELECT id, reason FROM purchase_order_date_changes
                 WHERE purchase_order_id = ? ORDER BY id DESC LIMIT 1""").param(id).query(LatestChange.class).optional();
    }

    record LatestChange(long id, String reason) {}
}
