package dev.waitwell.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays histories recorded by earlier versions of the order workflow (see {@link HistoryRecorder}).
 * A change that would break running orders fails here: put it behind {@code Workflow.getVersion}.
 */
class OrderWorkflowReplayTest {

    static Stream<Path> histories() throws IOException {
        try (Stream<Path> files = Files.list(HistoryRecorder.HISTORIES)) {
            var list =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(list).as("committed histories").isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("histories")
    void replaysRecordedHistory(Path history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(history), OrderWorkflowImpl.class);
    }
}
