package dev.waitwell.activities.notification;

import dev.waitwell.activities.notification.FailedSmsRows.FailedSms;
import dev.waitwell.activities.notification.NotificationRows.NewRow;
import dev.waitwell.activities.order.Timeline;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.SmsFallback;
import dev.waitwell.workflows.notification.SmsFallbackActivities;
import dev.waitwell.workflows.shared.BusinessFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The fallback email is claimed, sent and settled like any message (a SENDING row first, so a retry never sends
 * twice), in a row of its own that points to the SMS. It goes to the order's email address even when the
 * customer chose only SMS: they asked to hear about the order, and the SMS could not tell them. It is skipped
 * when the milestone's own email already went out, so a customer who chose both channels is not told twice.
 */
@Component("smsFallbackActivities")
class SmsFallbackActivitiesImpl implements SmsFallbackActivities {

    private static final Logger log = LoggerFactory.getLogger(SmsFallbackActivitiesImpl.class);

    private final EmailSender email;
    private final SmsFallbackEmails emails;
    private final FailedSmsRows failedSms;
    private final NotificationRows rows;
    private final Timeline timeline;
    private final TransactionTemplate transactions;

    SmsFallbackActivitiesImpl(
            EmailSender email,
            SmsFallbackEmails emails,
            FailedSmsRows failedSms,
            NotificationRows rows,
            Timeline timeline,
            TransactionTemplate transactions) {
        this.email = email;
        this.emails = emails;
        this.failedSms = failedSms;
        this.rows = rows;
        this.timeline = timeline;
        this.transactions = transactions;
    }

    @Override
    public Delivery emailInstead(SmsFallback fallback) {
        FailedSms sms = failedSms
                .find(fallback.notificationId(), fallback.orderId())
                .orElseThrow(() -> BusinessFailure.NOTIFICATION_NOT_FOUND.raise(
                        "no SMS " + fallback.notificationId() + " on order " + fallback.orderId()));
        String skipReason = skipReason(sms);
        if (skipReason != null) {
            return skip(sms, skipReason);
        }
        // Rendered before the claim: a template bug fails the activity without leaving a SENDING row.
        Draft draft = emails.render(sms, fallback.orderPageUrl());
        // Kept as every message is, without the signed link it carries.
        String kept = StoredBodies.withoutLink(draft.body(), fallback.orderPageUrl());
        Long claim =
                rows.insert(row(sms, draft.recipient(), "SENDING", null, kept)).orElse(null);
        if (claim == null) {
            return earlier(sms);
        }
        try {
            String providerId = email.send(draft);
            return settle(sms, claim, DeliveryStatus.SENT, "sent to " + draft.recipient(), providerId);
        } catch (DeliveryException e) {
            if (e.permanent()) {
                return settle(sms, claim, DeliveryStatus.FAILED, e.getMessage(), null);
            }
            rows.release(claim);
            log.warn(
                    "Order {}: {} SMS fallback email not sent, will retry: {}",
                    sms.orderId(),
                    sms.key(),
                    e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.error("Order {}: {} SMS fallback email interrupted", sms.orderId(), sms.key(), e);
            return settle(
                    sms,
                    claim,
                    DeliveryStatus.FAILED,
                    NotificationActivitiesImpl.INTERRUPTED + ": " + e.getMessage(),
                    null);
        }
    }

    private String skipReason(FailedSms sms) {
        if (!"FAILED".equals(sms.status())) {
            return "the SMS is " + sms.status() + ", not failed";
        }
        if (sms.emailed()) {
            return "already emailed";
        }
        if (emailAddress(sms) == null) {
            return "no email address";
        }
        return email.notConfiguredReason();
    }

    private Delivery skip(FailedSms sms, String reason) {
        Boolean recorded = transactions.execute(tx -> {
            if (rows.insert(row(sms, emailAddress(sms), "SKIPPED", reason, null))
                    .isEmpty()) {
                return false;
            }
            appendEvent(sms, DeliveryStatus.SKIPPED, "no email instead: " + reason);
            return true;
        });
        log.info("Order {}: {} SMS fallback email skipped: {}", sms.orderId(), sms.key(), reason);
        return Boolean.TRUE.equals(recorded)
                ? new Delivery(Channel.EMAIL, DeliveryStatus.SKIPPED, reason)
                : earlier(sms);
    }

    /** An earlier attempt claimed the email: keep its outcome, or close it if it was interrupted mid-send. */
    private Delivery earlier(FailedSms sms) {
        NotificationRows.Row row = rows.find(sms.orderId(), SmsFallbackEmails.keyOf(sms.key()), Channel.EMAIL);
        if (!"SENDING".equals(row.status())) {
            return new Delivery(Channel.EMAIL, DeliveryStatus.valueOf(row.status()), row.detail());
        }
        String detail = NotificationActivitiesImpl.INTERRUPTED;
        Boolean closed = transactions.execute(tx -> {
            if (!rows.failInterrupted(row.id(), detail)) {
                return false;
            }
            appendEvent(sms, DeliveryStatus.FAILED, "email failed: " + detail);
            return true;
        });
        log.warn("Order {}: {} SMS fallback email found SENDING; not resending", sms.orderId(), sms.key());
        return Boolean.TRUE.equals(closed) ? new Delivery(Channel.EMAIL, DeliveryStatus.FAILED, detail) : earlier(sms);
    }

    /** The row and its event together; when another attempt closed the claim meanwhile, its outcome stands. */
    private Delivery settle(FailedSms sms, long claim, DeliveryStatus status, String detail, String providerId) {
        Boolean settled = transactions.execute(tx -> {
            if (!rows.finish(claim, status.name(), detail, providerId)) {
                return false;
            }
            appendEvent(
                    sms,
                    status,
                    status == DeliveryStatus.SENT ? "emailed instead, " + detail : "email failed: " + detail);
            return true;
        });
        if (!Boolean.TRUE.equals(settled)) {
            return earlier(sms);
        }
        log.info("Order {}: {} SMS fallback email {} ({})", sms.orderId(), sms.key(), status, detail);
        return new Delivery(Channel.EMAIL, status, detail);
    }

    private static String emailAddress(FailedSms sms) {
        return StringUtils.hasText(sms.customerEmail()) ? sms.customerEmail() : null;
    }

    private static NewRow row(FailedSms sms, String recipient, String status, String detail, String body) {
        return new NewRow(
                sms.orderId(),
                SmsFallbackEmails.keyOf(sms.key()),
                Channel.EMAIL,
                SmsFallbackEmails.TEMPLATE,
                recipient,
                status,
                detail,
                body,
                sms.id());
    }

    /** "SMS_FALLBACK_EMAILED: CONFIRMED SMS not delivered; emailed instead, sent to a@b.c", once per SMS. */
    private void appendEvent(FailedSms sms, DeliveryStatus status, String what) {
        String type = switch (status) {
            case SENT -> "SMS_FALLBACK_EMAILED";
            case SKIPPED -> "SMS_FALLBACK_SKIPPED";
            case FAILED -> "SMS_FALLBACK_FAILED";
        };
        timeline.append(
                sms.orderId(), "sms-fallback/" + sms.key(), type, sms.milestone() + " SMS not delivered; " + what);
    }
}
