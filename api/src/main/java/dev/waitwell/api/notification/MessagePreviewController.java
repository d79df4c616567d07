package dev.waitwell.api.notification;

import dev.waitwell.api.shared.QueryParameters;
import dev.waitwell.messages.MessageLocales;
import dev.waitwell.messages.Messages;
import dev.waitwell.messages.RenderedEmail;
import dev.waitwell.messages.SampleFacts;
import dev.waitwell.messages.SmsSegments;
import dev.waitwell.workflows.notification.Channel;
import dev.waitwell.workflows.notification.Milestone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Staff read a milestone's email or SMS as a customer would, with sample facts, in any shipped language: the way to
 * check the shop's own templates (WAITWELL_TEMPLATES_DIR) and words before a customer sees them.
 */
@RestController
class MessagePreviewController {

    static final String SUBJECT = "X-Waitwell-Subject";
    static final String SEGMENTS = "X-Waitwell-Sms-Segments";
    static final String ENCODING = "X-Waitwell-Sms-Encoding";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final Messages messages;

    MessagePreviewController(Messages messages) {
        this.messages = messages;
    }

    // No "produces": a refusal is a problem detail (JSON), which a declared text/html would not let through.
    @Operation(
            summary = "A milestone's email or SMS with sample facts, as the customer would read it (ADMIN, SUPPORT)",
            description = "EMAIL answers the HTML body (text/html), or with format=text the plain-text body "
                    + "(text/plain); its subject is in the header X-Waitwell-Subject, percent-encoded UTF-8 "
                    + "(RFC 3986). SMS answers the text (text/plain) with its segment count in "
                    + "X-Waitwell-Sms-Segments and GSM-7 or UCS-2 in X-Waitwell-Sms-Encoding. An unknown milestone, "
                    + "channel, locale or format is 400 VALIDATION_FAILED naming the value and the allowed ones.")
    @GetMapping("/admin/v1/messages/preview")
    ResponseEntity<String> preview(
            @Parameter(description = "A milestone, e.g. CONFIRMED") @RequestParam(required = false) String milestone,
            @Parameter(description = "EMAIL or SMS") @RequestParam(required = false) String channel,
            @Parameter(description = "A language tag of a shipped language (en, de, fr; de-DE too); default the shop's")
                    @RequestParam(required = false)
                    String locale,
            @Parameter(description = "EMAIL only: html (default) or text") @RequestParam(required = false)
                    String format) {
        QueryParameters parameters = new QueryParameters();
        Milestone chosen = parameters.constant("milestone", milestone, Milestone.class, true);
        Channel via = parameters.constant("channel", channel, Channel.class, true);
        Locale language = locale(parameters, locale);
        boolean text = plainText(parameters, format);
        parameters.validate();
        return via == Channel.SMS ? sms(chosen, language) : email(chosen, language, text);
    }

    private ResponseEntity<String> email(Milestone milestone, Locale locale, boolean text) {
        RenderedEmail email = messages.email(
                milestone, SampleFacts.ORDER_ID, SampleFacts.CUSTOMER, locale, SampleFacts.full(milestone));
        return answer(text ? TEXT : HTML)
                // A header is ASCII: percent-encoding keeps every language's subject readable by any client.
                .header(SUBJECT, UriUtils.encode(email.subject(), StandardCharsets.UTF_8))
                .body(text ? email.text() : email.html());
    }

    private ResponseEntity<String> sms(Milestone milestone, Locale locale) {
        String sms = messages.sms(
                milestone, SampleFacts.ORDER_ID, SampleFacts.CUSTOMER, locale, SampleFacts.full(milestone));
        return answer(TEXT)
                .header(SEGMENTS, String.valueOf(SmsSegments.count(sms)))
                .header(ENCODING, SmsSegments.isGsm7(sms) ? "GSM-7" : "UCS-2")
                .body(sms);
    }

    /**
     * The shop's templates are rendered on the API's own origin, in a staff member's logged-in browser: nothing in
     * them may run or load from elsewhere (a template's images only over https).
     */
    private static ResponseEntity.BodyBuilder answer(MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff");
    }

    private Locale locale(QueryParameters parameters, String value) {
        String given = parameters.text(value);
        if (given == null) {
            return messages.locales().shopLocale();
        }
        Optional<Locale> shipped = MessageLocales.shipped(given);
        if (shipped.isEmpty()) {
            parameters.check(
                    false,
                    "locale",
                    QueryParameters.quoted(given) + " is not a shipped language: one of " + MessageLocales.tags()
                            + " (a region is fine, e.g. de-DE)");
        }
        return shipped.orElse(null);
    }

    private static boolean plainText(QueryParameters parameters, String value) {
        String given = parameters.text(value);
        if (given != null && !given.equals("html") && !given.equals("text")) {
            parameters.check(false, "format", QueryParameters.quoted(given) + " is not one of html, text");
        }
        return "text".equals(given);
    }
}
