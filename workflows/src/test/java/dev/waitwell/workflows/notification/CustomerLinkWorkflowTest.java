package dev.waitwell.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.shared.StartOnce;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomerLinkWorkflowTest {

    private static final String LINK = "https://shop.example/c/orders/o-1?token=1798761600.abc";
    private static final Customer ADA =
            new Customer("c-1", "Ada", "ada@example.com", "+15550002222", List.of(Channel.EMAIL, Channel.SMS));
    private static final MessageFacts FACTS =
            new MessageFacts("Camera X", "CAM-X", 1, null, null, null, null, LINK, null, null, null);
    private static final CustomerLinkResend REQUEST = new CustomerLinkResend("o-1", 7, ADA, FACTS);

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(CustomerLinkWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final RecordingNotifications notifications = new RecordingNotifications();
    private WorkflowClient client;
    private String taskQueue;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        worker.registerActivitiesImplementations(notifications);
        env.start();
        this.client = client;
        this.taskQueue = options.getTaskQueue();
    }

    @Test
    void sendsTheLinkOnceAsALinkResentMessageKeyedBySupportsRequest() {
        NotificationResult result = workflow().resend(REQUEST);

        assertThat(notifications.received).hasSize(1);
        NotificationRequest sent = notifications.received.get(0);
        assertThat(sent.orderId()).isEqualTo("o-1");
        assertThat(sent.milestone()).isEqualTo(Milestone.LINK_RESENT);
        assertThat(sent.key()).isEqualTo("LINK_RESENT-7");
        assertThat(sent.customer()).isEqualTo(ADA);
        assertThat(sent.facts().customerUrl()).isEqualTo(LINK);
        assertThat(result.deliveries()).extracting(Delivery::channel).containsExactly(Channel.EMAIL, Channel.SMS);
    }

    @Test
    void aRetriedSendKeepsItsKeySoTheActivitySendsItOnce() {
        notifications.failures.set(2);

        workflow().resend(REQUEST);

        assertThat(notifications.received).hasSize(3);
        assertThat(notifications.received).extracting(NotificationRequest::key).containsOnly("LINK_RESENT-7");
    }

    @Test
    void theSameRequestStartedAgainSendsNothingMore() {
        CustomerLinkWorkflow first = workflow();
        WorkflowClient.start(first::resend, REQUEST);
        WorkflowStub.fromTyped(first).getResult(NotificationResult.class);

        assertThatThrownBy(() -> WorkflowClient.start(workflow()::resend, REQUEST))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
        assertThat(notifications.received).hasSize(1);
    }

    @Test
    void aRequestWithoutALinkIsRefusedBeforeAnythingStarts() {
        MessageFacts noLink = new MessageFacts("Camera X", "CAM-X", 1, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> new CustomerLinkResend("o-1", 7, ADA, noLink))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customerUrl");
        assertThatThrownBy(() -> new CustomerLinkResend("o-1", 0, ADA, FACTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsIdNamesTheOrderAndSupportsRequest() {
        assertThat(CustomerLinkWorkflowIds.of("o-1", 7)).isEqualTo("customer-link-o-1-7");
    }

    private CustomerLinkWorkflow workflow() {
        return client.newWorkflowStub(
                CustomerLinkWorkflow.class,
                // As the API starts it, on the test's task queue.
                StartOnce.options(CustomerLinkWorkflowIds.of(REQUEST.orderId(), REQUEST.staffActionId()))
                        .setTaskQueue(taskQueue)
                        .build());
    }

    /** Records every attempt; fails the first ones while told to, as an SMTP outage would. */
    private static final class RecordingNotifications implements NotificationActivities {

        final List<NotificationRequest> received = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public NotificationResult notify(NotificationRequest request) {
            received.add(request);
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("SMTP server unreachable");
            }
            return new NotificationResult(List.of(
                    new Delivery(Channel.EMAIL, DeliveryStatus.SENT, "sent to ada@example.com"),
                    new Delivery(Channel.SMS, DeliveryStatus.SENT, "sent to +15550002222")));
        }
    }
}
