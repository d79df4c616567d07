package dev.waitwell.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.schema.testing.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The migrations as the worker and every module's tests find them: on the classpath, all applicable in order. */
class MigrationsTest {

    private static final String FOLDER = "db/migration";

    @Test
    void putsTheMigrationsOnTheClasspathNamedSoThatFlywayPicksEveryOneUp() throws Exception {
        assertThat(migrationFiles())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).matches("V[1-9][0-9]*__[a-z0-9_]+\\.sql"));
    }

    @Test
    void appliesEveryMigrationToAnEmptyDatabase() throws Exception {
        TestDatabase.Database database = TestDatabase.newDatabase();

        int applied = TestDatabase.migrate(database);

        assertThat(applied).isEqualTo(migrationFiles().size());
        assertThat(failedMigrations(database)).isZero();
        assertThat(TestDatabase.migrate(database))
                .as("a second start migrates nothing")
                .isZero();
    }

    /** The folder is a directory here (this module's target/classes); in other modules it is inside the jar. */
    private static List<String> migrationFiles() throws IOException, URISyntaxException {
        URL folder = MigrationsTest.class.getClassLoader().getResource(FOLDER);
        assertThat(folder).as(FOLDER + " on the classpath").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static int failedMigrations(TestDatabase.Database database) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.url(), database.username(), database.password());
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success")) {
            result.next();
            return result.getInt(1);
        }
    }
}
