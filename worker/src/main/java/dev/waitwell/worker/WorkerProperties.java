package dev.waitwell.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.worker.*}.
 *
 * @param shutdownGracePeriod how long a stopping worker lets the tasks in hand finish; Temporal retries the rest on
 *     another worker once their timeouts expire
 * @param readyFile written once the worker is ready, removed when it stops ({@code WAITWELL_WORKER_READY_FILE});
 *     blank: no file
 */
@ConfigurationProperties("waitwell.worker")
record WorkerProperties(@DefaultValue("PT25S") Duration shutdownGracePeriod, String readyFile) {

    WorkerProperties {
        if (shutdownGracePeriod.isNegative()) {
            throw new IllegalArgumentException(
                    "waitwell.worker.shutdown-grace-period must not be negative, not " + shutdownGracePeriod);
        }
        readyFile = readyFile == null ? "" : readyFile;
    }
}
