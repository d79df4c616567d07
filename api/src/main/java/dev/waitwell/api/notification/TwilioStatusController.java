package dev.waitwell.api.notification;

import dev.waitwell.api.shared.WaitwellProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's status callback for the SMS the worker sent. No login: the request signature is the proof. Reports apply
 * in rank order, so a late or repeated one is a no-op ({@link SmsDeliveries}); one for a SID the worker has not
 * recorded yet is held for it, and answered 204 like every other. A failed SMS starts its email fallback once the
 * row is committed; when that start fails the answer is 503, so a repeated callback starts it (and so does the
 * sweep).
 */
@RestController
class TwilioStatusController {

    static final String PATH = "/webhooks/twilio/status";

    private final TwilioProperties twilio;
    private final WaitwellProperties waitwell;
    private final SmsDeliveries deliveries;
    private final SmsFallbacks fallbacks;
    private final SmsOptOuts optOuts;

    TwilioStatusController(
            TwilioProperties twilio,
            WaitwellProperties waitwell,
            SmsDeliveries deliveries,
            SmsFallbacks fallbacks,
            SmsOptOuts optOuts) {
        this.twilio = twilio;
        this.waitwell = waitwell;
        this.deliveries = deliveries;
        this.fallbacks = fallbacks;
        this.optOuts = optOuts;
    }

    @Operation(summary = "Twilio's SMS status callback (signed with X-Twilio-Signature; no login)")
    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> statusChanged(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        TwilioSignature.require(twilio, waitwell.publicBase() + PATH, signature, request.getParameterMap());
        String sid = request.getParameter("MessageSid");
        String status = request.getParameter("MessageStatus");
        if (sid != null && status != null) {
            String errorCode = request.getParameter("ErrorCode");
            if (SmsOptOuts.TWILIO_UNSUBSCRIBED.equals(errorCode)) {
                // The number replied STOP to Twilio itself: no more SMS to it. The worker's row names it; a report
                // that came before the worker recorded the SID names it in "To".
                optOuts.recipientOf(sid)
                        .or(() -> Optional.ofNullable(request.getParameter("To")))
                        .ifPresent(phone -> optOuts.refusedByTwilio(phone, sid));
            }
            fallbackIfDue(deliveries.report(sid, status, errorCode));
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Starts the fallback whenever it has not run yet, not only on the first callback: when an earlier start
     * failed (503), Twilio's retry finds the row FAILED already and must still start it.
     */
    private void fallbackIfDue(Optional<SmsDeliveries.Sms> sms) {
        sms.filter(SmsDeliveries.Sms::fallbackDue)
                .ifPresent(due -> fallbacks.start(due.notificationId(), due.orderId(), due.linkExpiresAt()));
    }
}
