package dev.waitwell.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.schema.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V21's bounds on units and amounts: a database that took an absurd product or order before them still migrates
 * (and so the worker and the API still start), and from then on no row beyond them is written.
 */
class BoundsMigrationTest {

    @Test
    void migratesADatabaseHoldingAnAbsurdRowAndRefusesTheNextOne() throws Exception {
        TestDatabase.Database database = TestDatabase.newDatabase();
        migrate(database, "20");
        execute(database, """
                INSERT INTO products (sku, name, price_minor, currency, preordered)
                VALUES ('ABSURD-1', 'Filled by a hostile pre-order', 1000, 'USD', 2147483647)""");

        migrate(database, "latest");

        assertThatThrownBy(() -> execute(database, """
                        INSERT INTO products (sku, name, price_minor, currency, preordered)
                        VALUES ('ABSURD-2', 'Another', 1000, 'USD', 2147483647)"""))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("counters_within_bound");
        assertThatThrownBy(() -> execute(database, """
                        INSERT INTO products (sku, name, price_minor, currency)
                        VALUES ('PRICEY', 'Near Long.MAX_VALUE', 9223372036854775000, 'USD')""")).hasMessageContaining("price_within_bound");
        assertThatThrownBy(
                        () -> execute(database, "UPDATE products SET preordered = preordered WHERE sku = 'ABSURD-1'"))
                .as("the absurd row is refused again on its next write, until it is repaired")
                .hasMessageContaining("within_bound");
        execute(database, "UPDATE products SET preordered = 0 WHERE sku = 'ABSURD-1'");
        execute(database, "ALTER TABLE products VALIDATE CONSTRAINT counters_within_bound");
    }

    private static void migrate(TestDatabase.Database database, String target) {
        Flyway.configure()
                .dataSource(database.url(), database.username(), database.password())
                .locations(TestDatabase.MIGRATIONS)
                .target(target)
                .load()
                .migrate();
    }

    private static void execute(TestDatabase.Database database, String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.url(), database.username(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
