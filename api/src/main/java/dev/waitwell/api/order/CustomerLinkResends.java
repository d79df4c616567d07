package dev.waitwell.api.order;

import dev.waitwell.api.audit.StaffAction;
import dev.waitwell.api.audit.StaffActions;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WorkflowCalls;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.CustomerLinkResend;
import dev.waitwell.workflows.notification.CustomerLinkWorkflow;
import dev.waitwell.workflows.notification.CustomerLinkWorkflowIds;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support sends a customer the link to their order page again, without ever seeing it: the API signs the link and
 * hands it to the worker's {@link CustomerLinkWorkflow}, which sends it on the channels the customer chose. The
 * request is a staff action on the audit trail; its id names the workflow ({@code customer-link-{orderId}-{id}}) and
 * the message's key, so a retry never sends it twice. The audit row and the start commit together: a start Temporal
 * does not take leaves no row claiming a message.
 */
@Service
class CustomerLinkResends {

    static final String ACTION = "CUSTOMER_LINK_SENT";

    private static final Logger log = LoggerFactory.getLogger(CustomerLinkResends.class);
    private static final Duration START_WAIT = Duration.ofSeconds(5);

    private final Orders orders;
    private final CustomerLinks links;
    private final StaffActions staffActions;
    private final WorkflowClient client;
    private final Clock clock;

    CustomerLinkResends(
            Orders orders, CustomerLinks links, StaffActions staffActions, WorkflowClient client, Clock clock) {
        this.orders = orders;
        this.links = links;
        this.staffActions = staffActions;
        this.client = client;
        this.clock = clock;
    }

    /**
     * @throws ApiException 404 ORDER_NOT_FOUND; 409 ORDER_FINISHED (shipped or cancelled), NO_CUSTOMER_CHANNEL (no
     *     chosen channel with an address) or LINK_EXPIRED; 503 WORKFLOW_UNAVAILABLE when Temporal did not take the
     *     start (nothing recorded)
     */
    @Transactional
    CustomerLinkView resend(String orderId, String reason, String username) {
        StoredOrder order = orders.find(orderId).orElseThrow(() -> OrderQueries.notFound(orderId));
        if (order.finished()) {
            throw ApiException.conflict(
                    ProblemCodes.ORDER_FINISHED,
                    "Order " + orderId + " is " + order.status() + ": its customer has nothing left to do there.");
        }
        List<Channel> channels = reachable(order.customer());
        if (channels.isEmpty()) {
            throw ApiException.conflict(
                    ProblemCodes.NO_CUSTOMER_CHANNEL,
                    "Order " + orderId + "'s customer chose no channel we have an address for.");
        }
        if (!order.linkExpiresAt().isAfter(clock.instant())) {
            throw ApiException.conflict(
                    ProblemCodes.LINK_EXPIRED, "Order " + orderId + "'s customer link has expired.");
        }
        String sentOn = channels.stream().map(Channel::name).collect(Collectors.joining(", "));
        long actionId = staffActions.record(StaffAction.onOrder(username, ACTION, orderId, reason, sentOn));
        String workflowId = CustomerLinkWorkflowIds.of(orderId, actionId);
        start(workflowId, new CustomerLinkResend(orderId, actionId, order.customer(), facts(order)));
        log.info(
                "Order {}: {} asked for the customer's link to be sent again ({}, {})",
                orderId,
                username,
                sentOn,
                workflowId);
        return new CustomerLinkView(orderId, channels, workflowId);
    }

    private MessageFacts facts(StoredOrder order) {
        String url = links.urlFor(order.orderId(), order.linkExpiresAt());
        return new MessageFacts(
                order.productName(), order.sku(), order.quantity(), null, null, null, null, url, null, null, null);
    }

    private void start(String workflowId, CustomerLinkResend request) {
        CustomerLinkWorkflow workflow = client.newWorkflowStub(
                CustomerLinkWorkflow.class, StartOnce.options(workflowId).build());
        try {
            WorkflowCalls.bounded(() -> WorkflowClient.start(workflow::resend, request), START_WAIT);
        } catch (TimeoutException | RuntimeException failed) {
            log.error("Order {}: {} could not be started", request.orderId(), workflowId, failed);
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCodes.WORKFLOW_UNAVAILABLE,
                    "The link could not be sent now (Temporal did not take it); nothing was sent. Ask again.");
        }
    }

    /** The channels the customer chose that we have an address for, in the order the worker tries them. */
    private static List<Channel> reachable(Customer customer) {
        List<Channel> channels = new ArrayList<>();
        if (customer.wants(Channel.EMAIL) && present(customer.email())) {
            channels.add(Channel.EMAIL);
        }
        if (customer.wants(Channel.SMS) && present(customer.phone())) {
            channels.add(Channel.SMS);
        }
        return channels;
    }

    private static boolean present(String address) {
        return address != null && !address.isBlank();
    }
}
