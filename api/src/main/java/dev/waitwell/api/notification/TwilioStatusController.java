package dev.waitwell.api.notification;

import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import dev.waitwell.api.shared.WaitwellProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's status callback for the SMS the worker sent. No login: the request signature is the proof. An unknown
 * message SID is answered 204 too, or Twilio would retry it. A failed SMS starts its email fallback once the row
 * is committed; when that start fails the answer is 503, so Twilio retries and the retry starts it.
 */
@RestController
class TwilioStatusController {

    static final String PATH = "/webhooks/twilio/status";
    private static final Logger log = LoggerFactory.getLogger(TwilioStatusController.class);

    private final TwilioProperties twilio;
    private final WaitwellProperties waitwell;
    private final SmsDeliveries deliveries;
    private final SmsFallbacks fallbacks;

    TwilioStatusController(
            TwilioProperties twilio, WaitwellProperties waitwell, SmsDeliveries deliveries, SmsFallbacks fallbacks) {
        this.twilio = twilio;
        this.waitwell = waitwell;
        this.deliveries = deliveries;
        this.fallbacks = fallbacks;
    }

    @Operation(summary = "Twilio's SMS status callback (signed with X-Twilio-Signature; no login)")
    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> statusChanged(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        if (!twilio.configured()
                || !TwilioSignature.matches(
                        signature, twilio.authToken(), waitwell.publicBase() + PATH, request.getParameterMap())) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    ProblemCodes.SIGNATURE_INVALID,
                    "The request is not signed by Twilio with the configured auth token.");
        }
        String sid = request.getParameter("MessageSid");
        String status = request.getParameter("MessageStatus");
        if (sid != null && status != null && !record(sid, status, request.getParameter("ErrorCode"))) {
            log.info("Twilio status {} for unknown message {}; ignored", status, sid);
        }
        return ResponseEntity.noContent().build();
    }

    /** Only the final outcomes change a row; queued, sending and sent add nothing to what the worker wrote. */
    private boolean record(String sid, String status, String errorCode) {
        return switch (status) {
            case "delivered" -> deliveries.delivered(sid).isPresent();
            case "failed", "undelivered" -> failed(sid, status, errorCode);
            default -> true;
        };
    }

    /**
     * Starts the fallback whenever it has not run yet, not only on the first callback: when an earlier start
     * failed (503), Twilio's retry finds the row FAILED already and must still start it.
     */
    private boolean failed(String sid, String status, String errorCode) {
        Optional<SmsDeliveries.Sms> sms = deliveries.failed(sid, status, errorCode);
        sms.filter(SmsDeliveries.Sms::fallbackDue)
                .ifPresent(due -> fallbacks.start(due.notificationId(), due.orderId(), due.linkExpiresAt()));
        return sms.isPresent();
    }
}
