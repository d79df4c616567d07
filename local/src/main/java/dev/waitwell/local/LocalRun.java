package dev.waitwell.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole system in the foreground: embedded PostgreSQL and Temporal (unless
 * {@code SPRING_DATASOURCE_URL} / {@code TEMPORAL_ADDRESS} point elsewhere), then the worker, which
 * migrates the database, then the API. Ctrl-C or SIGTERM stops everything in reverse order; if the
 * worker or the API dies, everything stops and the exit code is non-zero.
 *
 * <p>{@code --services-only} starts just PostgreSQL and Temporal, for running the worker and the API
 * from an IDE.
 */
public final class LocalRun {

    private static final Logger log = LoggerFactory.getLogger(LocalRun.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    private static final long CHILD_STOP_SECONDS = 40;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalSettings settings;
    private final Map<String, String> environment;
    private volatile boolean stopping;
    private LocalPostgres postgres;
    private LocalTemporal temporal;
    private ChildJvm worker;
    private ChildJvm api;
    private Integer workerManagementPort;

    private LocalRun(LocalSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    public static void main(String[] args) throws InterruptedException {
        boolean servicesOnly = List.of(args).contains("--services-only");
        LocalRun run = new LocalRun(LocalSettings.fromEnvironment(System.getenv()), System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "local-run-stop"));
        try {
            Map<String, String> shared = run.startServices();
            if (!servicesOnly) {
                run.startApplications(shared);
            }
            System.out.println(new Banner(run.settings, shared, run.workerManagementPort).render());
        } catch (RuntimeException e) {
            log.error("The local run could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        new CountDownLatch(1).await(); // until Ctrl-C, SIGTERM or a child's death ends the JVM
    }

    /** Starts what is not configured elsewhere; answers the environment the worker and the API need. */
    private Map<String, String> startServices() {
        Map<String, String> shared = new HashMap<>();
        if (settings.embeddedPostgres()) {
            postgres = LocalPostgres.start(settings.dataDir(), LocalSettings.PREFERRED_POSTGRES_PORT);
            shared.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
            shared.put("SPRING_DATASOURCE_USERNAME", LocalPostgres.USER);
            shared.put("SPRING_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        } else {
            shared.put("SPRING_DATASOURCE_URL", settings.externalDatasourceUrl());
        }
        if (settings.embeddedTemporal()) {
            temporal = LocalTemporal.start(LocalSettings.TEMPORAL_PORT);
            shared.put("TEMPORAL_ADDRESS", temporal.address());
            log.info("Temporal test server listening on {} (real time, in memory)", temporal.address());
        } else {
            shared.put("TEMPORAL_ADDRESS", settings.externalTemporalAddress());
        }
        return shared;
    }

    private void startApplications(Map<String, String> shared) {
        requireJar(settings.workerJar());
        requireJar(settings.apiJar());
        if (!Ports.isFree(settings.serverPort())) {
            throw new IllegalStateException("port " + settings.serverPort() + " is in use: stop what listens there"
                    + " or choose another one with SERVER_PORT");
        }
        Map<String, String> common = new HashMap<>(shared);
        common.put("SPRING_PROFILES_ACTIVE", withLocalProfile(environment.get("SPRING_PROFILES_ACTIVE")));
        if (!environment.containsKey("WAITWELL_PUBLIC_BASE_URL")) {
            common.put("WAITWELL_PUBLIC_BASE_URL", settings.apiBaseUrl()); // customer links follow SERVER_PORT
        }

        Map<String, String> workerEnv = new HashMap<>(common);
        workerEnv.put("WAITWELL_WORKER_READY_FILE", settings.workerReadyFile().toString());
        workerManagementPort = workerManagementPort();
        workerEnv.put("WAITWELL_WORKER_MANAGEMENT_PORT", Integer.toString(workerManagementPort));
        // Spring Boot binds SERVER_PORT to the same setting, and the worker inherits this JVM's environment, where
        // SERVER_PORT, if set, is meant for the API: pin it too.
        workerEnv.put("SERVER_PORT", Integer.toString(workerManagementPort));
        deleteStale(settings.workerReadyFile()); // a killed worker leaves it behind
        log.info("Starting the worker (it migrates the database first)");
        worker = watch(ChildJvm.start("worker", settings.workerJar(), workerEnv));
        await(
                "the worker to migrate the database and poll Temporal",
                worker,
                () -> Files.exists(settings.workerReadyFile()));

        log.info("Starting the API on port {}", settings.serverPort());
        Map<String, String> apiEnv = new HashMap<>(common);
        apiEnv.put("SERVER_PORT", Integer.toString(settings.serverPort()));
        api = watch(ChildJvm.start("api", settings.apiJar(), apiEnv));
        await("the API to answer " + healthUrl(), api, this::apiAnswers);
    }

    /** WAITWELL_WORKER_MANAGEMENT_PORT when set (it must be free), else 8081 or, when that is taken, a free port. */
    private int workerManagementPort() {
        Integer requested = settings.workerManagementPort();
        if (requested == null) {
            return Ports.preferredOrFree(LocalSettings.PREFERRED_WORKER_MANAGEMENT_PORT);
        }
        if (!Ports.isFree(requested) || requested == settings.serverPort()) {
            throw new IllegalStateException("port " + requested + " (WAITWELL_WORKER_MANAGEMENT_PORT) is in use: "
                    + "choose another one, or leave it unset to get a free port");
        }
        return requested;
    }

    private ChildJvm watch(ChildJvm child) {
        child.onExit().thenAccept(process -> {
            if (!stopping) {
                int code = process.exitValue() == 0 ? 1 : process.exitValue();
                log.error("The {} exited with code {}; stopping everything", child.name(), process.exitValue());
                System.exit(code);
            }
        });
        return child;
    }

    private void await(String what, ChildJvm child, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        log.info("Waiting for {}", what);
        while (!condition.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new IllegalStateException("the " + child.name() + " exited while waiting for " + what);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up after " + STARTUP_TIMEOUT + " waiting for " + what);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** Any answer but a server error: the health endpoint may sit behind authentication. */
    private boolean apiAnswers() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl()))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String healthUrl() {
        return "http://127.0.0.1:" + settings.serverPort() + "/actuator/health";
    }

    private void stop() {
        stopping = true;
        log.info("Stopping");
        if (api != null) {
            api.stop(CHILD_STOP_SECONDS);
        }
        if (worker != null) {
            worker.stop(CHILD_STOP_SECONDS);
        }
        if (temporal != null) {
            temporal.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        log.info("Stopped");
    }

    private static String withLocalProfile(String active) {
        if (active == null || active.isBlank()) {
            return "local";
        }
        return List.of(active.split(",")).contains("local") ? active : "local," + active;
    }

    private static void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build with ./mvnw -DskipTests package" + " (./run-local.sh does it for you)");
        }
    }

    private static void deleteStale(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + file, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
