package dev.waitwell.api.notification;

import dev.waitwell.api.shared.WaitwellProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Texts customers send to the shop's Twilio number ("A message comes in"). No login: the request signature is the
 * proof. Answered with TwiML, {@code <Response><Message>...</Message></Response>}, so the reply costs no API call
 * of its own; {@code <Response/>} when nothing should be said. Each MessageSid is handled once: a retried delivery
 * gets the first one's reply and does nothing.
 */
@RestController
class TwilioInboundController {

    static final String PATH = "/webhooks/twilio/inbound";

    private static final Logger log = LoggerFactory.getLogger(TwilioInboundController.class);
    private static final MediaType XML = new MediaType(MediaType.TEXT_XML, java.nio.charset.StandardCharsets.UTF_8);
    private static final String MESSAGE_SID = "^[A-Za-z0-9]{1,64}$";

    private final TwilioProperties twilio;
    private final WaitwellProperties waitwell;
    private final InboundTexts texts;
    private final SmsConversation conversation;

    TwilioInboundController(
            TwilioProperties twilio, WaitwellProperties waitwell, InboundTexts texts, SmsConversation conversation) {
        this.twilio = twilio;
        this.waitwell = waitwell;
        this.texts = texts;
        this.conversation = conversation;
    }

    @Operation(
            summary = "A text from a customer to the shop's Twilio number (signed with X-Twilio-Signature; no login)")
    // No "produces": a refusal is a problem detail (JSON), which a declared text/xml would not let through.
    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> received(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        TwilioSignature.require(twilio, waitwell.publicBase() + PATH, signature, request.getParameterMap());
        String sid = request.getParameter("MessageSid");
        String from = request.getParameter("From");
        // Nothing Twilio sends, but a signature proves only who sent it: keep to what the table holds.
        if (sid == null || !sid.matches(MESSAGE_SID) || from == null || from.isBlank() || from.length() > 64) {
            return twiml(null);
        }
        String body = Optional.ofNullable(request.getParameter("Body")).orElse("");
        Optional<InboundTexts.Earlier> earlier = texts.claim(sid, from.strip(), body);
        if (earlier.isPresent()) {
            log.info("Text {} was delivered before; answered as then, nothing done again", sid);
            return twiml(earlier.get().reply());
        }
        InboundTexts.Answer answer;
        try {
            answer = conversation.answer(sid, from.strip(), body);
        } catch (RuntimeException e) {
            log.error("Text {} could not be handled", sid, e);
            answer = conversation.failed(from.strip(), e);
        }
        texts.answer(sid, answer);
        return twiml(answer.reply());
    }

    /** TwiML with the reply escaped for XML, or the empty response that says nothing. */
    static ResponseEntity<String> twiml(String reply) {
        String xml = reply == null || reply.isEmpty()
                ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + xmlEscaped(reply)
                        + "</Message></Response>";
        return ResponseEntity.ok().contentType(XML).body(xml);
    }

    /** The five characters XML reserves; control characters XML 1.0 does not allow are dropped. */
    static String xmlEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
