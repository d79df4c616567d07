package dev.waitwell.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.waitwell.schema.testing.TestDatabase;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The whole system as it runs in production, on one machine: the worker and the API as their own JVMs
 * (the jars the build just packaged), a Temporal service, PostgreSQL, a real SMTP server (GreenMail)
 * and an HTTP server answering as Twilio's API does (WireMock), which records every request.
 *
 * <p>A system of one's own ({@link #start}) can also lose its worker or its Temporal service the way
 * production does: {@link #killWorker()}, {@link #startWorker()} and {@link #restartTemporalAndWorker()}.
 */
final class RunningSystem implements AutoCloseable {

    static final String TWILIO_SID = "AC00000000000000000000000000000e2e";
    static final String SHOP_NUMBER = "+15005550006";

    final GreenMail smtp;
    final WireMockServer twilio;
    private final ChildJvm api;
    private final WorkerLauncher workerLauncher;
    private LocalTemporal temporal;
    private ChildJvm worker;
    private DeadWorkerStickyQueues deadWorkerQueues;
    private final String baseUrl;
    private final String workerUrl;
    private final TestDatabase.Database database;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private RunningSystem(
            GreenMail smtp,
            WireMockServer twilio,
            LocalTemporal temporal,
            DeadWorkerStickyQueues deadWorkerQueues,
            WorkerLauncher workerLauncher,
            ChildJvm worker,
            ChildJvm api,
            String baseUrl,
            String workerUrl,
            TestDatabase.Database database) {
        this.database = database;
        this.smtp = smtp;
        this.twilio = twilio;
        this.temporal = temporal;
        this.deadWorkerQueues = deadWorkerQueues;
        this.workerLauncher = workerLauncher;
        this.worker = worker;
        this.api = api;
        this.baseUrl = baseUrl;
        this.workerUrl = workerUrl;
    }

    private static RunningSystem shared;

    /**
     * One system for every end-to-end test class of this JVM (starting one takes a while); stopped when
     * the JVM exits. Tests keep out of each other's way with their own products and order ids.
     */
    static synchronized RunningSystem shared() throws Exception {
        if (shared == null) {
            shared = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-running-system"));
        }
        return shared;
    }

    static RunningSystem start(Map<String, String> extraEnvironment) throws Exception {
        Path workerJar = packagedJar("worker", "waitwell-worker-exec.jar");
        Path apiJar = packagedJar("api", "waitwell-api-exec.jar");
        TestDatabase.Database database = TestDatabase.newDatabase();
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        WireMockServer twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.+/Messages.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"sid": "SM0001", "account_sid": "%s", "status": "queued", "from": "%s",
                         "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01"}
                        """.formatted(TWILIO_SID, SHOP_NUMBER))));
        int temporalPort = freePort();
        DeadWorkerStickyQueues deadWorkerQueues = new DeadWorkerStickyQueues("127.0.0.1:" + temporalPort);
        LocalTemporal temporal = LocalTemporal.start(temporalPort, List.of(deadWorkerQueues));
        int apiPort = freePort();
        Path readyFile = Files.createTempDirectory("waitwell-e2e").resolve("worker.ready");

        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", database.url());
        env.put("SPRING_DATASOURCE_USERNAME", database.username());
        env.put("SPRING_DATASOURCE_PASSWORD", database.password());
        env.put("TEMPORAL_ADDRESS", temporal.address());
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("WAITWELL_MAIL_FROM", "orders@waitwell.test");
        env.put("WAITWELL_SMS_TWILIO_ACCOUNT_SID", TWILIO_SID);
        env.put("WAITWELL_SMS_TWILIO_AUTH_TOKEN", "e2e-token");
        env.put("WAITWELL_SMS_TWILIO_FROM", SHOP_NUMBER);
        env.put("WAITWELL_SMS_TWILIO_ENDPOINT", "http://127.0.0.1:" + twilio.port());
        env.put("WAITWELL_PUBLIC_BASE_URL", "http://127.0.0.1:" + apiPort);
        env.put("WAITWELL_LINK_SECRET", "end-to-end-test-secret-0123456789abcdef");
        env.put(
                "WAITWELL_SECURITY_USERS",
                // Not the local profile's demo passwords: outside that profile the API refuses to start with them.
                "admin:" + password("admin") + ":ADMIN;support:" + password("support") + ":SUPPORT;ops:"
                        + password("ops") + ":OPS;shop:" + password("shop") + ":STOREFRONT");
        env.put("WAITWELL_WORKER_READY_FILE", readyFile.toString());
        // No default outside the local profile: a production-like process never fakes payments unless told to.
        env.put("WAITWELL_PAYMENTS_GATEWAY", "sandbox");
        env.put("SERVER_PORT", String.valueOf(apiPort));
        // For profiling a benchmark: e.g. -Dbenchmark.jvmOptions=-XX:StartFlightRecording=filename=/tmp/rec.jfr gives
        // the worker and the API JVM options of their own (JDK_JAVA_OPTIONS is read by the java launcher).
        String jvmOptions = System.getProperty("benchmark.jvmOptions", "");
        if (!jvmOptions.isBlank()) {
            env.put("JDK_JAVA_OPTIONS", jvmOptions);
        }
        env.putAll(extraEnvironment);

        // The worker's management port (health, Prometheus); SERVER_PORT above is the API's and binds to the same
        // setting, so it is pinned for the worker too.
        Map<String, String> workerEnv = new HashMap<>(env);
        String workerPort = String.valueOf(freePort());
        workerEnv.put("WAITWELL_WORKER_MANAGEMENT_PORT", workerPort);
        workerEnv.put("SERVER_PORT", workerPort);
        WorkerLauncher workerLauncher = new WorkerLauncher(workerJar, workerEnv, readyFile);
        ChildJvm worker = workerLauncher.launch();
        ChildJvm api = ChildJvm.start("api", apiJar, env);
        RunningSystem system = new RunningSystem(
                smtp,
                twilio,
                temporal,
                deadWorkerQueues,
                workerLauncher,
                worker,
                api,
                "http://127.0.0.1:" + apiPort,
                "http://127.0.0.1:" + workerPort,
                database);
        waitFor("the API to be healthy", Duration.ofSeconds(120), system::apiIsUp, api);
        return system;
    }

    /**
     * Kills the worker (SIGKILL), as a crash would: activities and workflow tasks in hand are dropped where they
     * stand, nothing is handed back to Temporal, the readiness file stays behind. The API and Temporal keep
     * running; Temporal hands the dead worker's tasks to the next one as a real server would
     * ({@link DeadWorkerStickyQueues}). Only on a system of one's own ({@link #start}), never the shared one.
     */
    void killWorker() {
        deadWorkerQueues.workerDied(worker.pid());
        worker.kill();
    }

    /** The environment the worker runs with: the database, Temporal, SMTP and Twilio of this system. */
    Map<String, String> workerEnvironment() {
        return Map.copyOf(workerLauncher.environment());
    }

    /** Starts the worker again (after {@link #killWorker()}) and waits until it polls Temporal. */
    void startWorker() {
        if (worker.isAlive()) {
            throw new IllegalStateException("the worker is running already");
        }
        worker = workerLauncher.launch();
    }

    /**
     * What a local restart or a lost Temporal cluster does: stops the worker (gracefully, unless it is dead
     * already), stops the in-memory Temporal service, which forgets every workflow, history and timer, starts a
     * new empty one on the same port, starts the worker again and waits until it polls and the API talks to the
     * new service. The API and PostgreSQL keep running throughout. Only on a system of one's own ({@link #start}).
     */
    void restartTemporalAndWorker() {
        worker.stop(30);
        int port = temporal.port();
        temporal.close();
        deadWorkerQueues.close(); // the new service knows nothing of the old workers
        waitFor("Temporal's port " + port + " to be free", Duration.ofSeconds(30), () -> Ports.isFree(port));
        deadWorkerQueues = new DeadWorkerStickyQueues(temporal.address());
        temporal = LocalTemporal.start(port, List.of(deadWorkerQueues));
        worker = workerLauncher.launch();
        waitFor("the API to reach the new Temporal service", Duration.ofSeconds(60), this::apiSeesTemporal, api);
    }

    /** The latest run of a workflow as Temporal has it now; empty when Temporal does not know the workflow id. */
    Optional<WorkflowRun> workflowRun(String workflowId) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(temporal.address())
                .build());
        try {
            WorkflowExecutionInfo info = service.blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace("default")
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                            .build())
                    .getWorkflowExecutionInfo();
            return Optional.of(new WorkflowRun(
                    info.getExecution().getRunId(), info.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "")));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        } finally {
            service.shutdownNow();
        }
    }

    /**
     * The latest run's history in one line per event (type, and the task queue a workflow task was scheduled on):
     * what a test prints when a workflow does not get where it should.
     */
    String workflowHistory(String workflowId) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(temporal.address())
                .build());
        try {
            StringBuilder lines = new StringBuilder(workflowId).append(":\n");
            service.blockingStub()
                    .getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest.newBuilder()
                            .setNamespace("default")
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                            .setMaximumPageSize(1000)
                            .build())
                    .getHistory()
                    .getEventsList()
                    .forEach(event -> lines.append("  ")
                            .append(event.getEventId())
                            .append(' ')
                            .append(event.getEventType().name().replace("EVENT_TYPE_", ""))
                            .append(
                                    event.hasWorkflowTaskScheduledEventAttributes()
                                            ? " on "
                                                    + event.getWorkflowTaskScheduledEventAttributes()
                                                            .getTaskQueue()
                                                            .getName()
                                            : "")
                            .append('\n'));
            return lines.toString();
        } catch (StatusRuntimeException e) {
            return workflowId + ": " + e.getStatus();
        } finally {
            service.shutdownNow();
        }
    }

    /** Where the Temporal service listens ({@code host:port}), for a client of one's own (a benchmark's worker). */
    String temporalAddress() {
        return temporal.address();
    }

    /** The worker's process id, to ask the OS or the JVM about it (memory, a collection). */
    long workerPid() {
        return worker.pid();
    }

    long apiPid() {
        return api.pid();
    }

    /** One run of a workflow: its id and its status ({@code RUNNING}, {@code COMPLETED}...). */
    record WorkflowRun(String runId, String status) {}

    Response call(String method, String path, Object body, String user) {
        return send(baseUrl, method, path, body, user, "application/json");
    }

    /** The API's Prometheus metrics as text. */
    String apiMetrics(String user) {
        return apiMetrics(user, "");
    }

    /** As {@link #apiMetrics(String)}, with a query such as {@code ?includedNames=a,b} (only those metrics). */
    String apiMetrics(String user, String query) {
        return send(baseUrl, "GET", "/actuator/prometheus" + query, null, user, "text/plain")
                .body()
                .asText();
    }

    /** A GET on the worker's management port (health as JSON, Prometheus metrics as text). */
    Response callWorker(String path) {
        return send(workerUrl, "GET", path, null, null, "*/*");
    }

    private Response send(String base, String method, String path, Object body, String user, String accept) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", accept);
            if (user != null) {
                request.header("Authorization", basicAuthorization(user));
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : json.writeValueAsString(body);
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? json.nullNode() : readOrText(response.body());
            return new Response(
                    response.statusCode(),
                    parsed,
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, JsonNode body, String contentType, String location) {}

    /** The bodies (form-decoded) of the SMS the worker asked the Twilio stand-in to send to {@code phone}. */
    List<String> smsBodiesTo(String phone) {
        return twilio.findAll(postRequestedFor(urlPathMatching("/2010-04-01/Accounts/.+/Messages.json"))).stream()
                .map(request -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
                .filter(body -> body.contains("To=" + phone))
                .toList();
    }

    /** The end-to-end accounts' password: the user's name and a suffix, so that no demo password is used. */
    static String password(String user) {
        return user + "-e2e-password";
    }

    /** The {@code Authorization} header of HTTP Basic for one of the end-to-end accounts. */
    static String basicAuthorization(String user) {
        String credentials = user + ":" + password(user);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The absolute URL of a path of the API, as the API itself sees it (WAITWELL_PUBLIC_BASE_URL). */
    String url(String path) {
        return baseUrl + path;
    }

    /** A POST of {@code body} as is, without login (a provider's webhook), with its headers; returns the status. */
    int postRaw(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page as a browser gets it, without login (the customer's signed link): its HTML. */
    String page(String absoluteUrl) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(absoluteUrl))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + absoluteUrl + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + absoluteUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form POST without login, as a provider's webhook sends it; returns the status. */
    int postForm(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A product on sale now, out of stock, taking backorders for up to 60 days with a restock expected in
     * ten days; returns its new sku.
     */
    String backorderableProduct(String skuPrefix, String name, long price) {
        String sku =
                skuPrefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new HashMap<>();
        product.put("name", name);
        product.put("price", price);
        product.put("currency", "USD");
        product.put("releaseDate", null);
        product.put("preorderCap", null);
        product.put("depositPercent", 0);
        product.put("backorders", Map.of("allowed", true, "maxWaitDays", 60));
        product.put("restockEta", LocalDate.now().plusDays(10).toString());
        product.put("alternatives", List.of());
        Response created = call("PUT", "/admin/v1/products/" + sku, product, "admin");
        if (created.status() != 201) {
            throw new AssertionError("product not created: " + created);
        }
        return sku;
    }

    /** A connection to the system's database, to check invariants the API does not show. */
    Connection database() throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    /** One number from the database, e.g. a count. */
    long queryLong(String sql, Object... parameters) {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        waitFor(what, timeout, condition, null);
    }

    @Override
    public void close() {
        api.stop(30);
        worker.stop(30);
        deadWorkerQueues.close();
        temporal.close();
        twilio.stop();
        smtp.stop();
    }

    private JsonNode readOrText(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    private boolean apiSeesTemporal() {
        try {
            Response health = call("GET", "/actuator/health", null, "ops");
            return health.status() == 200
                    && "UP"
                            .equals(health.body()
                                    .path("components")
                                    .path("temporal")
                                    .path("status")
                                    .asText());
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private boolean apiIsUp() {
        try {
            return call("GET", "/actuator/health", null, null).status() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void waitFor(String what, Duration timeout, BooleanSupplier condition, ChildJvm process) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the " + process.name() + " died while waiting for " + what);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Starts the worker JVM with the system's environment and waits until it is ready. A killed worker leaves its
     * readiness file behind, so the file is removed first: only the new worker's counts.
     */
    private record WorkerLauncher(Path jar, Map<String, String> environment, Path readyFile) {

        ChildJvm launch() {
            try {
                Files.deleteIfExists(readyFile);
            } catch (IOException e) {
                throw new IllegalStateException("cannot remove " + readyFile, e);
            }
            ChildJvm worker = ChildJvm.start("worker", jar, environment);
            waitFor("the worker to migrate and poll", Duration.ofSeconds(120), () -> Files.exists(readyFile), worker);
            return worker;
        }
    }

    private static Path packagedJar(String module, String name) {
        Path jar = Path.of("..", module, "target", name).toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests from the root with ./mvnw verify,"
                    + " which packages the worker and the API before these tests");
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
