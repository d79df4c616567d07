package dev.waitwell.workflows.survey;

import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.MessageActivityOptions;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationResult;
import io.temporal.workflow.Workflow;

/** Open the survey, then send it: two activities, retried like an order's messages. */
public class SurveyWorkflowImpl implements SurveyWorkflow {

    private final SurveyActivities surveys =
            Workflow.newActivityStub(SurveyActivities.class, MessageActivityOptions.RETRIED_FOR_AN_HOUR);
    private final NotificationActivities notifications =
            Workflow.newActivityStub(NotificationActivities.class, MessageActivityOptions.RETRIED_FOR_AN_HOUR);

    @Override
    public NotificationResult ask(SurveyRequest request) {
        Customer customer = request.customer();
        SurveyOpened opened = surveys.open(new SurveyOpening(request.orderId(), customer.phone()));
        Customer to = opened.smsOptedOut() ? withoutSms(customer) : customer;
        return notifications.notify(request.notification(to));
    }

    /** The SMS is then recorded as skipped ("customer did not choose SMS") and the email still goes. */
    private static Customer withoutSms(Customer customer) {
        return customer.reachedOn(customer.channels().stream()
                .filter(channel -> channel != Channel.SMS)
                .toList());
    }
}
