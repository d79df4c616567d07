package dev.waitwell.api;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * A fresh PostgreSQL database with the worker's migrations applied, once per test JVM: embedded (zonky), or
 * a new database on the server of {@code WAITWELL_TEST_DATABASE_URL} when that is set.
 */
public final class TestDatabase {

    private static final String MIGRATIONS = "filesystem:../activities/src/main/resources/db/migration";
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

    private static Connection details;
    private static EmbeddedPostgres embedded;

    /** Where the database is. */
    public record Connection(String url, String username, String password) {
    }

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (details == null) {
            String external = System.getenv("WAITWELL_TEST_DATABASE_URL");
            details = external == null || external.isBlank() ? startEmbedded() : createOn(external);
            Flyway.configure()
                    .dataSource(details.url(), details.username(), details.password())
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
        }
        return details;
    }

    private static Connection startEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopEmbedded));
            createDatabase(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "waitwell_api");
            return new Connection(embedded.getJdbcUrl("postgres", "waitwell_api"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static Connection createOn(String serverUrl) {
        Matcher url = URL.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalStateException("WAITWELL_TEST_DATABASE_URL must look like jdbc:postgresql://host:port/db");
        }
        String username = System.getenv().getOrDefault("WAITWELL_TEST_DATABASE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("WAITWELL_TEST_DATABASE_PASSWORD", "");
        String name = "waitwell_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        createDatabase(serverUrl, username, password, name);
        String query = url.group(3) == null ? "" : url.group(3);
        return new Connection(url.group(1) + name + query, username, password);
    }

    private static void createDatabase(String serverUrl, String username, String password, String name) {
        try (var connection = DriverManager.getConnection(serverUrl, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
    }

    private static void stopEmbedded() {
        try {
            embedded.close();
        } catch (IOException e) {
            // the JVM is ending anyway
        }
    }
}
