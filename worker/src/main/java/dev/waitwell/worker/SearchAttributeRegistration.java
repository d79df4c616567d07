package dev.waitwell.worker;

import dev.waitwell.workflows.shared.WaitwellSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Registers the order workflows' search attributes on the Temporal server when it lacks them, before the
 * workers start polling (they start on ApplicationReadyEvent): a workflow that upserts an unknown
 * attribute fails every workflow task. Registering is idempotent; a race with another worker answers
 * ALREADY_EXISTS, which is fine. The namespace is the one the starter built the workers' client for
 * ({@code spring.temporal.namespace}), read from that client rather than from the property again.
 */
@Component
class SearchAttributeRegistration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);

    private final WorkflowServiceStubs service;
    private final String namespace;

    SearchAttributeRegistration(WorkflowClient client) {
        this.service = client.getWorkflowServiceStubs();
        this.namespace = client.getOptions().getNamespace();
    }

    @Override
    public void afterSingletonsInstantiated() {
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
        // One at a time: a known attribute answers ALREADY_EXISTS without stopping the others. (Listing
        // first is not an option: the Temporal test server used by the local run does not implement it.)
        WaitwellSearchAttributes.ALL.forEach((name, type) -> register(operator, name, type));
    }

    private void register(OperatorServiceStubs operator, String name, IndexedValueType type) {
        try {
            operator.blockingStub()
                    .addSearchAttributes(AddSearchAttributesRequest.newBuilder()
                            .setNamespace(namespace)
                            .putSearchAttributes(name, type)
                            .build());
            log.info("Registered search attribute {} ({}) in namespace {}", name, type, namespace);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }
}
