package dev.waitwell.api;

import com.zaxxer.hikari.HikariDataSource;
import dev.waitwell.schema.testing.TestDatabase;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's data source is one fresh database with the schema's migrations applied (the API does not
 * migrate: the worker does). One per test JVM, shared by every context: tests use their own skus and order ids.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfig {

    @Bean(destroyMethod = "close")
    DataSource dataSource() {
        TestDatabase.Database database = Migrated.DATABASE;
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(5);
        return dataSource;
    }

    /** Created and migrated on first use (class initialisation is lazy and thread-safe). */
    private static final class Migrated {
        static final TestDatabase.Database DATABASE = TestDatabase.newMigratedDatabase();
    }
}
