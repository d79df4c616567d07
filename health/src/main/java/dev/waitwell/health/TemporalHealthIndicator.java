package dev.waitwell.health;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code temporal} health component: UP when the Temporal frontend answers a GetSystemInfo call within the
 * timeout. The call goes through the process's own client connection, so it proves what the process needs (same
 * target, TLS and credentials as every workflow call, or as the workers' polls), and it is cheap for the server.
 * DOWN names the gRPC status, nothing else: no credentials, no stack trace (a probe calls this every few seconds
 * while Temporal is away).
 */
class TemporalHealthIndicator implements HealthIndicator {

    private final WorkflowServiceStubs service;
    private final String namespace;
    private final Duration timeout;

    TemporalHealthIndicator(WorkflowClient client, Duration timeout) {
        this.service = client.getWorkflowServiceStubs();
        this.namespace = client.getOptions().getNamespace();
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Health.Builder health = new Health.Builder().withDetail("namespace", namespace);
        String target = service.getOptions().getTarget();
        if (target != null) { // null for an in-process service (tests)
            health.withDetail("target", target);
        }
        try {
            service.blockingStub()
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return health.up().build();
        } catch (StatusRuntimeException unreachable) {
            String description = unreachable.getStatus().getDescription();
            return health.down()
                    .withDetail(
                            "error",
                            unreachable.getStatus().getCode() + (description == null ? "" : ": " + description))
                    .build();
        }
    }
}
