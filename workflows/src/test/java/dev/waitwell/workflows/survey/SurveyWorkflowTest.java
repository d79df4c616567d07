package dev.waitwell.workflows.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
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

class SurveyWorkflowTest {

    private static final String LINK = "https://shop.example/c/orders/o-1?token=1798761600.abc";
    private static final Customer ADA =
            new Customer("c-1", "Ada", "ada@example.com", "+15550002222", List.of(Channel.EMAIL, Channel.SMS));
    private static final MessageFacts FACTS =
            new MessageFacts("Camera X", "CAM-X", 1, null, null, null, null, LINK, null, null, null);
    private static final SurveyRequest REQUEST = new SurveyRequest("o-1", ADA, FACTS);

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(SurveyWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final Recording activities = new Recording();
    private WorkflowClient client;
    private String taskQueue;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        worker.registerActivitiesImplementations(activities);
        env.start();
        this.client = client;
        this.taskQueue = options.getTaskQueue();
    }

    @Test
    void opensTheSurveyBeforeSendingOneSurveyMessageKeyedSurvey() {
        workflow().ask(REQUEST);

        assertThat(activities.calls).containsExactly("open o-1 +15550002222", "notify SURVEY");
        NotificationRequest sent = activities.sent.get(0);
        assertThat(sent.milestone()).isEqualTo(Milestone.SURVEY);
        assertThat(sent.key()).isEqualTo("SURVEY");
        assertThat(sent.customer()).isEqualTo(ADA);
        assertThat(sent.facts().customerUrl()).isEqualTo(LINK);
    }

    @Test
    void anOptedOutNumberGetsNoSmsButTheEmailStillGoes() {
        activities.optedOut = true;

        workflow().ask(REQUEST);

        assertThat(activities.sent.get(0).customer().channels()).containsExactly(Channel.EMAIL);
        assertThat(activities.sent.get(0).customer().email()).isEqualTo("ada@example.com");
    }

    @Test
    void aRetriedSendKeepsItsKeyAndTheSurveyIsStartedOnceAnOrder() {
        activities.failures.set(2);
        SurveyWorkflow first = workflow();
        WorkflowClient.start(first::ask, REQUEST);
        WorkflowStub.fromTyped(first).getResult(NotificationResult.class);

        assertThatThrownBy(() -> WorkflowClient.start(workflow()::ask, REQUEST))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
        assertThat(activities.sent)
                .hasSize(3)
                .extracting(NotificationRequest::key)
                .containsOnly("SURVEY");
        assertThat(SurveyWorkflowIds.of("o-1")).isEqualTo("survey-o-1");
    }

    @Test
    void aSurveyWithoutTheLinkToThePageIsRefused() {
        MessageFacts noLink = new MessageFacts("Camera X", "CAM-X", 1, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> new SurveyRequest("o-1", ADA, noLink))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customerUrl");
    }

    private SurveyWorkflow workflow() {
        return client.newWorkflowStub(
                SurveyWorkflow.class,
                StartOnce.options(SurveyWorkflowIds.of(REQUEST.orderId()))
                        .setTaskQueue(taskQueue)
                        .build());
    }

    /** Both activities in one: records the calls in order, fails the first sends while told to. */
    private static final class Recording implements SurveyActivities, NotificationActivities {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<NotificationRequest> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();
        volatile boolean optedOut;

        @Override
        public SurveyOpened open(SurveyOpening opening) {
            calls.add("open " + opening.orderId() + " " + opening.phone());
            return new SurveyOpened(optedOut);
        }

        @Override
        public NotificationResult notify(NotificationRequest request) {
            calls.add("notify " + request.key());
            sent.add(request);
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("SMTP server unreachable");
            }
            return new NotificationResult(List.of());
        }
    }
}
