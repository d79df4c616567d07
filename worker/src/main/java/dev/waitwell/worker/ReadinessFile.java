package dev.waitwell.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a file once the worker is ready (database migrated, workers polling) and removes it when it stops.
 *
 * <p>A file needs no HTTP client and no port: the local run waits for it before it starts the API. (Orchestrators
 * probe {@code /actuator/health/readiness} on the management port instead.) Off unless
 * {@code waitwell.worker.ready-file} is set.
 */
@Component
class ReadinessFile {

    private final String location;

    ReadinessFile(WorkerProperties properties) {
        this.location = properties.readyFile();
        remove(); // left over from a previous run: not ready yet
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (location.isBlank()) {
            return;
        }
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            write();
        } else {
            remove();
        }
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        remove();
    }

    private void write() {
        try {
            Files.writeString(Path.of(location), Instant.now() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the readiness file " + location, e);
        }
    }

    private void remove() {
        if (location.isBlank()) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the readiness file " + location, e);
        }
    }
}
