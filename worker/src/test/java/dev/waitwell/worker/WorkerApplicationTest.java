package dev.waitwell.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.activities.testing.TestDatabase;
import dev.waitwell.workflows.shared.TaskQueues;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "spring.temporal.test-server.enabled=true")
class WorkerApplicationTest {

    private static final Path READY_FILE = readyFile();

    @Autowired
    private WorkerFactory workerFactory;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("waitwell.worker.ready-file", READY_FILE::toString);
    }

    @Test
    void migratesTheSchemaBeforeReportingReady() {
        Integer applied = jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class)
                .single();

        assertThat(applied).isPositive();
        assertThat(READY_FILE).exists();
    }

    /** The context only starts if every activity bean named in application.yml exists. */
    @Test
    void pollsTheOrdersQueue() {
        assertThat(workerFactory.isStarted()).isTrue();
        assertThat(workerFactory.getWorker(TaskQueues.ORDERS)).isNotNull();
    }

    private static Path readyFile() {
        try {
            Path file = Files.createTempFile("waitwell-worker", ".ready");
            Files.delete(file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
