package dev.waitwell.api.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook. No login: the {@code Stripe-Signature} header is the proof, checked by Stripe's SDK over the
 * body exactly as received, with the endpoint's signing secret and a five-minute tolerance. A request that fails
 * the check is refused (400) before anything is read from it; so is every request while no secret is configured.
 */
@RestController
class StripeWebhookController {

    static final String PATH = "/webhooks/stripe";
    /** Stripe's default: a signature older than this is refused, so that a captured request cannot be replayed. */
    static final long TOLERANCE_SECONDS = 300;
    /** Stripe's events are a few kilobytes; the body is read before it can be verified, so it is bounded. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final PaymentsProperties.Stripe stripe;
    private final StripeEvents events;

    StripeWebhookController(PaymentsProperties payments, StripeEvents events) {
        this.stripe = payments.stripe();
        this.events = events;
        if (payments.gateway() == PaymentsProperties.Gateway.STRIPE && !stripe.webhookConfigured()) {
            log.warn("The payment gateway is Stripe but no webhook secret is configured: every Stripe webhook is "
                    + "refused. Set WAITWELL_PAYMENTS_STRIPE_WEBHOOK_SECRET to the endpoint's signing secret.");
        }
    }

    @Operation(
            summary = "Stripe's webhook (signed with Stripe-Signature; no login): charges that waited on the "
                    + "customer's bank, refunds made in Stripe, disputes")
    // The body is read from the request itself (below): documented here, since no parameter carries it.
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "A Stripe event (JSON) exactly as Stripe sent it: the signature is over these bytes",
            content = @Content(mediaType = "application/json"))
    @PostMapping(PATH)
    ResponseEntity<WebhookAnswer> received(
            HttpServletRequest request, @RequestHeader(name = "Stripe-Signature", required = false) String signature)
            throws IOException {
        String payload = body(request);
        Event event = verified(payload, signature);
        return ResponseEntity.ok(events.handle(event.getId(), event.getType(), payload));
    }

    private Event verified(String payload, String signature) {
        if (!stripe.webhookConfigured()) {
            log.warn(
                    "Stripe webhook refused: no webhook secret is configured (WAITWELL_PAYMENTS_STRIPE_WEBHOOK_SECRET)");
            throw invalidSignature();
        }
        if (signature == null || signature.isBlank()) {
            log.info("Stripe webhook refused: no Stripe-Signature header");
            throw invalidSignature();
        }
        try {
            return Webhook.constructEvent(payload, signature, stripe.webhookSecret(), TOLERANCE_SECONDS);
        } catch (SignatureVerificationException refused) {
            // The SDK's words name what failed (no signature matches, timestamp outside the tolerance), never the key.
            log.info("Stripe webhook refused: {}", refused.getMessage());
            throw invalidSignature();
        } catch (RuntimeException malformed) {
            // A header the SDK cannot parse, or a signed body that is no event: nothing Stripe sends.
            log.info("Stripe webhook refused: {}", malformed.getClass().getSimpleName());
            throw invalidSignature();
        }
    }

    /** The body as received: the signature is over these bytes, so no converter may touch them first. */
    private static String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static ApiException invalidSignature() {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                ProblemCodes.SIGNATURE_INVALID,
                "The request is not signed by Stripe with the configured webhook secret, or the signature is older "
                        + "than " + TOLERANCE_SECONDS / 60 + " minutes.");
    }

    private static ApiException tooLarge() {
        return new ApiException(
                HttpStatus.CONTENT_TOO_LARGE,
                ProblemCodes.PAYLOAD_TOO_LARGE,
                "The body is larger than " + MAX_BODY_BYTES + " bytes; no Stripe event is.");
    }
}
