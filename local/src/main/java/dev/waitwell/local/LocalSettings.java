package dev.waitwell.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the local run reads from its environment. Relative paths are resolved against the working
 * directory, which {@code run-local.sh} sets to the project root.
 */
record LocalSettings(
        Path projectRoot,
        Path dataDir,
        int serverPort,
        Integer workerManagementPort,
        String externalDatasourceUrl,
        String externalTemporalAddress) {

    static final int TEMPORAL_PORT = 7233;
    static final int PREFERRED_POSTGRES_PORT = 54329;
    /** The worker's default management port; the local run takes another free one when it is in use. */
    static final int PREFERRED_WORKER_MANAGEMENT_PORT = 8081;

    static LocalSettings fromEnvironment(Map<String, String> env) {
        Path root = Path.of("").toAbsolutePath();
        return new LocalSettings(
                root,
                root.resolve(valueOr(env, "WAITWELL_LOCAL_DATA_DIR", ".waitwell"))
                        .normalize(),
                Integer.parseInt(valueOr(env, "SERVER_PORT", "8080")),
                optionalPort(env, "WAITWELL_WORKER_MANAGEMENT_PORT"),
                valueOr(env, "SPRING_DATASOURCE_URL", null),
                valueOr(env, "TEMPORAL_ADDRESS", null));
    }

    boolean embeddedPostgres() {
        return externalDatasourceUrl == null;
    }

    boolean embeddedTemporal() {
        return externalTemporalAddress == null;
    }

    String apiBaseUrl() {
        return "http://localhost:" + serverPort;
    }

    Path workerJar() {
        return projectRoot.resolve("worker/target/waitwell-worker-exec.jar");
    }

    Path apiJar() {
        return projectRoot.resolve("api/target/waitwell-api-exec.jar");
    }

    Path workerReadyFile() {
        return dataDir.resolve("worker.ready");
    }

    /** Where the worker serves its health and metrics. */
    static String workerManagementUrl(int port) {
        return "http://localhost:" + port;
    }

    private static Integer optionalPort(Map<String, String> env, String name) {
        String value = valueOr(env, name, null);
        return value == null ? null : Integer.valueOf(value);
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
