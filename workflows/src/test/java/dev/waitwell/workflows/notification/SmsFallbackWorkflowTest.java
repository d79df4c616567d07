package dev.waitwell.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.workflows.shared.BusinessFailure;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmsFallbackWorkflowTest {

    private static final SmsFallback FALLBACK = new SmsFallback(42, "o-1", null);

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(SmsFallbackWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final FakeFallbackEmail email = new FakeFallbackEmail();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        worker.registerActivitiesImplementations(email);
        env.start();
        this.env = env;
        this.client = client;
        this.options = options;
    }

    @Test
    void emailsTheFailedSmsOnceAndAnswersWithTheOutcome() {
        email.failWhile(virtualMillis -> false);

        Delivery outcome = workflow().emailInstead(FALLBACK);

        assertThat(outcome).isEqualTo(new Delivery(Channel.EMAIL, DeliveryStatus.SENT, "sent to ada@example.com"));
        assertThat(email.attempts).hasValue(1);
        assertThat(email.received).isEqualTo(FALLBACK);
    }

    @Test
    void ridesOutAMailOutageOfHoursThatAnOrderMessageWouldGiveUpOn() {
        long outageEnds = env.currentTimeMillis() + Duration.ofHours(3).toMillis();
        email.failWhile(virtualMillis -> virtualMillis < outageEnds);

        Delivery outcome = workflow().emailInstead(FALLBACK);

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(email.attempts.get())
                .as("more than an order message's 12 attempts")
                .isGreaterThan(12);
        assertThat(env.currentTimeMillis()).isGreaterThanOrEqualTo(outageEnds);
    }

    @Test
    void givesUpAfterADayOfFailures() {
        long started = env.currentTimeMillis();
        email.failWhile(virtualMillis -> true);

        assertThatThrownBy(() -> workflow().emailInstead(FALLBACK))
                .isInstanceOf(WorkflowFailedException.class)
                .cause()
                .isInstanceOf(ActivityFailure.class)
                .rootCause()
                .hasMessageContaining("SMTP server unreachable");
        // Retries stop when the next one would start after the day (at most 10 minutes between attempts).
        assertThat(env.currentTimeMillis() - started)
                .isGreaterThan(Duration.ofHours(23).toMillis());
    }

    @Test
    void anSmsThatDoesNotExistIsNotRetried() {
        email.missing = true;

        assertThatThrownBy(() -> workflow().emailInstead(FALLBACK))
                .isInstanceOf(WorkflowFailedException.class)
                .rootCause()
                .hasMessageContaining("no SMS 42")
                .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        failure ->
                                assertThat(failure.getType()).isEqualTo(BusinessFailure.NOTIFICATION_NOT_FOUND.name()));
        assertThat(email.attempts).as("attempts of the activity").hasValue(1);
    }

    private SmsFallbackWorkflow workflow() {
        return client.newWorkflowStub(
                SmsFallbackWorkflow.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowId(SmsFallbackWorkflowIds.of(FALLBACK.notificationId()))
                        .build());
    }

    /** Answers as the real activity does once the email went out; fails (SMTP down) while told to. */
    private final class FakeFallbackEmail implements SmsFallbackActivities {

        final AtomicInteger attempts = new AtomicInteger();
        volatile SmsFallback received;
        volatile boolean missing;
        private volatile LongPredicate failing = virtualMillis -> false;

        void failWhile(LongPredicate failing) {
            this.failing = failing;
        }

        @Override
        public Delivery emailInstead(SmsFallback fallback) {
            attempts.incrementAndGet();
            received = fallback;
            if (missing) {
                // Retryable as thrown: that it is not retried must come from the workflow's retry options.
                throw ApplicationFailure.newFailure(
                        "no SMS " + fallback.notificationId(), BusinessFailure.NOTIFICATION_NOT_FOUND.name());
            }
            if (failing.test(env.currentTimeMillis())) {
                throw new IllegalStateException("SMTP server unreachable");
            }
            return new Delivery(Channel.EMAIL, DeliveryStatus.SENT, "sent to ada@example.com");
        }
    }
}
