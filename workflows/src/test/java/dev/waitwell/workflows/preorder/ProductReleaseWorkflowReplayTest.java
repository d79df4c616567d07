package dev.waitwell.workflows.preorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays histories recorded by earlier versions of the release workflow (see {@link ReleaseHistoryRecorder}): releases running
 * while a new worker is deployed must go on under its code.
 */
class ProductReleaseWorkflowReplayTest {

    static Stream<Path> histories() throws IOException {
        try (Stream<Path> files = Files.list(ReleaseHistoryRecorder.HISTORIES)) {
            var list =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(list).as("committed release histories").isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("histories")
    void replaysRecordedHistory(Path history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(history), ProductReleaseWorkflowImpl.class);
    }
}
