package dev.waitwell.api.product;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code products} table. */
@Component
class Products {

    private final JdbcClient jdbc;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProductView> find(String sku) {
        return jdbc.sql("SELECT * FROM products WHERE sku = ?")
                .param(sku)
                .query(Products::view)
                .optional();
    }

    Optional<ProductView> lock(String sku) {
        return jdbc.sql("SELECT * FROM products WHERE sku = ? FOR UPDATE")
                .param(sku)
                .query(Products::view)
                .optional();
    }

    /** Sets the restock ETA (null: unknown). */
    void changeRestockEta(String sku, LocalDate eta) {
        jdbc.sql("UPDATE products SET restock_eta = ?, updated_at = now() WHERE sku = ?")
                .param(1, eta, java.sql.Types.DATE)
                .param(2, sku)
                .update();
    }

    /** Inserts the product unless it exists; true when it was created. */
    boolean insertIfAbsent(String sku, ProductRequest request) {
        return bind(jdbc.sql("""
                INSERT INTO products (sku, name, price_minor, currency, release_date, preorder_cap, deposit_percent,
                                      backorders_allowed, backorder_max_wait_days, backorder_max_quantity, restock_eta,
                                      alternatives)
                VALUES (:sku, :name, :price, :currency, :releaseDate, :cap, :deposit, :backorders, :maxWait,
                        :maxBackordered, :eta,
                        coalesce(string_to_array(:alternatives, ','), '{}'))
                ON CONFLICT (sku) DO NOTHING"""), sku, request).update() == 1;
    }

    void update(String sku, ProductRequest request) {
        bind(jdbc.sql("""
                UPDATE products
                   SET name = :name, price_minor = :price, currency = :currency, release_date = :releaseDate,
                       preorder_cap = :cap, deposit_percent = :deposit, backorders_allowed = :backorders,
                       backorder_max_wait_days = :maxWait, backorder_max_quantity = :maxBackordered,
                       restock_eta = :eta,
                       alternatives = coalesce(string_to_array(:alternatives, ','), '{}'), updated_at = now()
                 WHERE sku = :sku"""), sku, request).update();
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, String sku, ProductRequest request) {
        List<String> alternatives = request.alternativesOrEmpty();
        return statement
                .param("sku", sku)
                .param("name", request.name())
                .param("price", request.price())
                .param("currency", request.currency())
                .param("releaseDate", request.releaseDate(), java.sql.Types.DATE)
                .param("cap", request.preorderCap(), java.sql.Types.INTEGER)
                .param("deposit", request.depositPercentOrZero())
                .param("backorders", request.backordersAllowed())
                .param("maxWait", request.backorderMaxWaitDays(), java.sql.Types.INTEGER)
                .param("maxBackordered", request.backorderMaxQuantity(), java.sql.Types.INTEGER)
                .param("eta", request.restockEta(), java.sql.Types.DATE)
                // skus never contain a comma, so the list travels as one string
                .param(
                        "alternatives",
                        alternatives.isEmpty() ? null : String.join(",", alternatives),
                        java.sql.Types.VARCHAR);
    }

    private static ProductView view(ResultSet rs, int row) throws SQLException {
        return new ProductView(
                rs.getString("sku"),
                rs.getString("name"),
                rs.getLong("price_minor"),
                rs.getString("currency"),
                rs.getObject("release_date", LocalDate.class),
                (Integer) rs.getObject("preorder_cap"),
                rs.getInt("deposit_percent"),
                new ProductView.Backorders(
                        rs.getBoolean("backorders_allowed"),
                        (Integer) rs.getObject("backorder_max_wait_days"),
                        (Integer) rs.getObject("backorder_max_quantity")),
                rs.getObject("restock_eta", LocalDate.class),
                strings(rs.getArray("alternatives")),
                rs.getObject("released_at") != null,
                rs.getObject("released_at", OffsetDateTime.class),
                new ProductView.Stock(
                        rs.getInt("on_hand"),
                        rs.getInt("allocated"),
                        rs.getInt("backordered"),
                        rs.getInt("preordered")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
