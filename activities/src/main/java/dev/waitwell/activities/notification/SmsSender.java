package dev.waitwell.activities.notification;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import dev.waitwell.messages.Messages;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Customer;
import dev.waitwell.workflows.notification.NotificationRequest;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** SMS through Twilio's Messages API, or through the stub at {@code waitwell.sms.twilio.endpoint}. */
@Component
class SmsSender implements ChannelSender {

    private static final int TOO_MANY_REQUESTS = 429;

    private final TwilioProperties properties;
    private final TwilioRestClient client;
    private final SmsOptOuts optOuts;
    private final Messages messages;

    SmsSender(TwilioProperties properties, SmsOptOuts optOuts, Messages messages) {
        this.properties = properties;
        this.client = properties.configured() ? client(properties) : null;
        this.optOuts = optOuts;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String label() {
        return "SMS";
    }

    @Override
    public String notConfiguredReason() {
        return client == null ? "SMS not configured" : null;
    }

    /** A number that said STOP (or that Twilio refused with 21610) gets no SMS for any order: its email still goes. */
    @Override
    public String refusalFor(String address) {
        return optOuts.optedOut(address) ? SmsOptOuts.OPTED_OUT : null;
    }

    @Override
    public void refused(String orderId, long notificationId, String address, DeliveryException refusal) {
        if (Integer.valueOf(SmsOptOuts.TWILIO_UNSUBSCRIBED).equals(refusal.providerCode())) {
            optOuts.refusedByTwilio(
                    address, orderId, SmsOptOuts.TWILIO_UNSUBSCRIBED + "/notification/" + notificationId);
        }
    }

    @Override
    public String addressOf(Customer customer) {
        return StringUtils.hasText(customer.phone()) ? customer.phone() : null;
    }

    @Override
    public Draft draft(NotificationRequest request, String recipient) {
        return Draft.sms(
                recipient,
                messages.sms(
                        request.milestone(),
                        request.orderId(),
                        request.customer().name(),
                        messages.locales().forCustomer(request.customer().locale()),
                        request.facts()));
    }

    @Override
    public String send(Draft draft) {
        try {
            MessageCreator message = Message.creator(
                    new PhoneNumber(draft.recipient()), new PhoneNumber(properties.from()), draft.body());
            if (properties.statusCallback() != null) {
                message.setStatusCallback(properties.statusCallback());
            }
            return message.create(client).getSid();
        } catch (ApiConnectionException e) {
            if (neverConnected(e)) {
                throw new DeliveryException("Twilio unreachable: " + e.getMessage(), false, e);
            }
            throw e;
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status == null) {
                throw e;
            }
            // 4xx other than 429 is Twilio saying no to this message (bad number, opted out): it stays no.
            boolean permanent = status >= 400 && status < 500 && status != TOO_MANY_REQUESTS;
            throw new DeliveryException("Twilio " + status + ": " + e.getMessage(), permanent, e, e.getCode());
        }
    }

    /** No connection means no request reached Twilio, so the message certainly did not go out. */
    private static boolean neverConnected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static TwilioRestClient client(TwilioProperties properties) {
        return new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                .httpClient(SingleAttemptHttpClient.create(properties.endpoint()))
                .build();
    }
}
