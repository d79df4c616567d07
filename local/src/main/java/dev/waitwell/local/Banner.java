package dev.waitwell.local;

import java.util.Map;

/**
 * What the local run prints once everything answers: where things are and how to log in.
 *
 * @param workerManagementPort the worker's health and metrics port; null when only the services run
 */
record Banner(LocalSettings settings, Map<String, String> shared, Integer workerManagementPort) {

    String render() {
        boolean servicesOnly = workerManagementPort == null;
        String temporalAddress = shared.get("TEMPORAL_ADDRESS");
        String api = settings.apiBaseUrl();
        StringBuilder text = new StringBuilder();
        line(text, "");
        line(text, "=".repeat(100));
        line(
                text,
                servicesOnly
                        ? "  Waitwell services are running (--services-only). Ctrl-C stops them."
                        : "  Waitwell is running. Ctrl-C stops everything.");
        line(text, "");
        if (!servicesOnly) {
            row(text, "API", api);
            row(text, "Swagger UI", api + "/swagger-ui.html");
            row(text, "OpenAPI", api + "/v3/api-docs");
            row(text, "Accounts", "admin:admin  support:support  ops:ops  shop:shop (HTTP Basic)");
            row(text, "API health", api + "/actuator/health  (components and details as ops:ops)");
            row(text, "API metrics", api + "/actuator/prometheus  (ops:ops or admin:admin)");
            String worker = LocalSettings.workerManagementUrl(workerManagementPort);
            row(text, "Worker health", worker + "/actuator/health");
            row(text, "Worker metrics", worker + "/actuator/prometheus  (Temporal worker metrics: temporal_*)");
        }
        row(
                text,
                "Temporal gRPC",
                temporalAddress
                        + (settings.embeddedTemporal()
                                ? "  (embedded test server, real time, in memory; namespace default)"
                                : ""));
        row(text, "", "temporal workflow show --address " + temporalAddress + " --workflow-id order-<orderId>");
        row(
                text,
                "PostgreSQL",
                shared.get("SPRING_DATASOURCE_URL")
                        + (settings.embeddedPostgres()
                                ? "  (user " + LocalPostgres.USER + ", password " + LocalPostgres.PASSWORD + ")"
                                : ""));
        if (settings.embeddedPostgres()) {
            row(text, "Data", settings.dataDir() + "  (delete it to start afresh)");
        }
        if (settings.embeddedTemporal()) {
            line(text, "");
            line(text, "  Temporal keeps workflows, histories and timers in memory: stopping this run loses running");
            line(
                    text,
                    "  workflows (and their pending release timers); orders, payments and the ledger stay in PostgreSQL.");
        }
        line(text, "=".repeat(100));
        return text.toString();
    }

    private static void row(StringBuilder text, String label, String value) {
        line(text, String.format("  %-14s %s", label, value));
    }

    private static void line(StringBuilder text, String value) {
        text.append(value).append(System.lineSeparator());
    }
}
