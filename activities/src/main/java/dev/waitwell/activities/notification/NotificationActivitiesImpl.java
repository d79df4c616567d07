package dev.waitwell.activities.notification;

import dev.waitwell.activities.order.Timeline;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Delivery;
import dev.waitwell.workflows.notification.DeliveryStatus;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per channel: settle skips at once, claim a SENDING row, send, record the outcome with its timeline
 * event. The claim is what makes retries safe; a SENDING row found on entry means an attempt died with the
 * message possibly out, so it is marked FAILED instead of risking a second message.
 *
 * <p>Every channel is tried in each attempt, and the attempt fails (Temporal retries it) only afterwards if
 * some channel failed for now: an SMTP outage never holds back the SMS, and the retry finds the channels
 * already settled in their rows and sends only what is missing.
 */
@Component("notificationActivities")
class NotificationActivitiesImpl implements NotificationActivities {

    static final String INTERRUPTED = "outcome unknown after interrupted send";

    private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

    private final List<ChannelSender> senders;
    private final NotificationRows rows;
    private final Timeline timeline;
    private final TransactionTemplate transactions;
    private final HeldSmsReports heldReports;

    NotificationActivitiesImpl(
            List<ChannelSender> senders,
            NotificationRows rows,
            Timeline timeline,
            TransactionTemplate transactions,
            HeldSmsReports heldReports) {
        this.senders = senders.stream()
                .sorted((a, b) -> a.channel().compareTo(b.channel()))
                .toList();
        this.rows = rows;
        this.timeline = timeline;
        this.transactions = transactions;
        this.heldReports = heldReports;
    }

    @Override
    public NotificationResult notify(NotificationRequest request) {
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, RuntimeException> notSent = new LinkedHashMap<>();
        for (ChannelSender sender : senders) {
            try {
                deliveries.add(deliver(request, sender));
            } catch (RuntimeException e) {
                // The other channels still go out; the attempt fails once they are done, so Temporal retries it.
                notSent.put(sender.label(), e);
            }
        }
        if (!notSent.isEmpty()) {
            throw retryLater(notSent);
        }
        return new NotificationResult(deliveries);
    }

    /** One channel's failure as it is; several in one that names each, so the attempt's failure tells all. */
    private static RuntimeException retryLater(Map<String, RuntimeException> notSent) {
        if (notSent.size() == 1) {
            return notSent.values().iterator().next();
        }
        DeliveryException all = new DeliveryException(
                "not sent, will retry: "
                        + notSent.entrySet().stream()
                                .map(failure -> failure.getKey() + ": "
                                        + failure.getValue().getMessage())
                                .collect(Collectors.joining("; ")),
                false,
                null);
        notSent.values().forEach(all::addSuppressed);
        return all;
    }

    private Delivery deliver(NotificationRequest request, ChannelSender sender) {
        String recipient = sender.addressOf(request.customer());
        String skipReason = skipReason(request, sender, recipient);
        if (skipReason != null) {
            return skip(request, sender, recipient, skipReason);
        }
        // Rendered before the claim: a template bug fails the activity without leaving a SENDING row.
        Draft draft = sender.draft(request, recipient);
        // The body is kept with the claim (without the signed link): what an SMS said is what its email fallback
        // says if Twilio cannot deliver.
        String kept = StoredBodies.withoutLink(draft.body(), request.facts().customerUrl());
        Long claim = rows.insert(new NotificationRows.NewRow(
                        request.orderId(),
                        request.key(),
                        sender.channel(),
                        request.milestone().name(),
                        recipient,
                        "SENDING",
                        null,
                        kept,
                        null))
                .orElse(null);
        if (claim == null) {
            return earlier(request, sender);
        }
        try {
            String providerId = sender.send(draft);
            return settle(request, sender, claim, DeliveryStatus.SENT, "sent to " + recipient, providerId);
        } catch (DeliveryException e) {
            if (e.permanent()) {
                // Before the row settles: a crash in between leaves the row SENDING (closed as interrupted by the
                // retry), never an opt-out Twilio told us of unrecorded.
                sender.refused(request.orderId(), claim, recipient, e);
                return settle(request, sender, claim, DeliveryStatus.FAILED, e.getMessage(), null);
            }
            rows.release(claim);
            log.warn(
                    "Order {}: {} {} not sent, will retry: {}",
                    request.orderId(),
                    request.key(),
                    sender.label(),
                    e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.error("Order {}: {} {} send interrupted", request.orderId(), request.key(), sender.label(), e);
            return settle(request, sender, claim, DeliveryStatus.FAILED, INTERRUPTED + ": " + e.getMessage(), null);
        }
    }

    private static String skipReason(NotificationRequest request, ChannelSender sender, String recipient) {
        if (!request.customer().wants(sender.channel())) {
            return "customer did not choose " + sender.label();
        }
        if (recipient == null) {
            return "no " + sender.label() + " address";
        }
        String notConfigured = sender.notConfiguredReason();
        return notConfigured != null ? notConfigured : sender.refusalFor(recipient);
    }

    private Delivery skip(NotificationRequest request, ChannelSender sender, String recipient, String reason) {
        Boolean recorded = transactions.execute(tx -> {
            if (rows.insert(
                            request.orderId(),
                            request.key(),
                            sender.channel(),
                            request.milestone().name(),
                            recipient,
                            "SKIPPED",
                            reason)
                    .isEmpty()) {
                return false;
            }
            appendEvent(request, sender, DeliveryStatus.SKIPPED, "skipped: " + reason);
            return true;
        });
        return Boolean.TRUE.equals(recorded)
                ? new Delivery(sender.channel(), DeliveryStatus.SKIPPED, reason)
                : earlier(request, sender);
    }

    /** A previous attempt claimed this message: keep its outcome, or close it if it was interrupted. */
    private Delivery earlier(NotificationRequest request, ChannelSender sender) {
        NotificationRows.Row row = rows.find(request.orderId(), request.key(), sender.channel());
        if (!"SENDING".equals(row.status())) {
            log.info("Order {}: {} {} was {} already", request.orderId(), request.key(), sender.label(), row.status());
            return new Delivery(sender.channel(), DeliveryStatus.valueOf(row.status()), row.detail());
        }
        Boolean closed = transactions.execute(tx -> {
            if (!rows.failInterrupted(row.id(), INTERRUPTED)) {
                return false;
            }
            appendEvent(request, sender, DeliveryStatus.FAILED, "failed: " + INTERRUPTED);
            return true;
        });
        log.warn("Order {}: {} {} found SENDING; not resending", request.orderId(), request.key(), sender.label());
        return Boolean.TRUE.equals(closed)
                ? new Delivery(sender.channel(), DeliveryStatus.FAILED, INTERRUPTED)
                : earlier(request, sender);
    }

    /**
     * The row and its timeline event in one transaction, the first settlement winning: when Twilio (or the mail
     * server) answered so late that Temporal's retry found the claim and closed it as interrupted, the message did go
     * out after all, and the row and the timeline both say so. Twilio's reports that came before the SID was
     * recorded are applied in the same transaction.
     */
    private Delivery settle(
            NotificationRequest request,
            ChannelSender sender,
            long claim,
            DeliveryStatus status,
            String detail,
            String providerId) {
        boolean sms = providerId != null && sender.channel() == Channel.SMS;
        Delivery settled = transactions.execute(tx -> {
            if (sms) {
                heldReports.lock(providerId);
            }
            if (rows.finish(claim, status.name(), detail, providerId)) {
                appendEvent(request, sender, status, status == DeliveryStatus.SENT ? detail : "failed: " + detail);
            } else if (status != DeliveryStatus.SENT || !rows.sentAfterAll(claim, detail, providerId)) {
                return null;
            } else {
                timeline.append(
                        request.orderId(),
                        "notification/" + request.key() + "/" + sender.channel() + "/sent-after-all",
                        "NOTIFICATION_SENT",
                        request.milestone() + " " + sender.label() + " " + detail
                                + " after all (the provider answered after the attempt was given up)");
            }
            if (sms) {
                heldReports.applyHeld(request.orderId(), claim, providerId);
            }
            return new Delivery(sender.channel(), status, detail);
        });
        if (settled == null) {
            log.warn(
                    "Order {}: {} {} was settled by another attempt meanwhile",
                    request.orderId(),
                    request.key(),
                    sender.label());
            return earlier(request, sender);
        }
        log.info("Order {}: {} {} {} ({})", request.orderId(), request.key(), sender.label(), status, detail);
        return settled;
    }

    /** "CONFIRMED email sent to a@b.c", once per key and channel. */
    private void appendEvent(NotificationRequest request, ChannelSender sender, DeliveryStatus status, String what) {
        timeline.append(
                request.orderId(),
                "notification/" + request.key() + "/" + sender.channel(),
                "NOTIFICATION_" + status,
                request.milestone() + " " + sender.label() + " " + what);
    }
}
