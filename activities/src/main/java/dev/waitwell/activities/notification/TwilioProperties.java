package dev.waitwell.activities.notification;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * {@code waitwell.sms.twilio.*}. SMS is skipped unless sid, token and sender number are all set.
 *
 * @param endpoint optional base URL ({@code http(s)://host[:port]}, port 443 / 80 when left out) every Twilio
 *     call goes to instead of twilio.com: a sandbox, or a local stub in tests. No path: the calls keep
 *     Twilio's own paths, so one with a path is refused when the SMS sender is created
 * @param publicBaseUrl where the API is reached from outside ({@code WAITWELL_PUBLIC_BASE_URL}): every SMS asks
 *     Twilio to report its delivery to {@code /webhooks/twilio/status} there. Without it Twilio reports nothing
 *     (no Messaging Service callback is assumed), so no SMS is ever marked delivered or failed.
 */
@ConfigurationProperties("waitwell.sms.twilio")
record TwilioProperties(String accountSid, String authToken, String from, URI endpoint, URI publicBaseUrl) {

    static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status";

    /** The API's status callback URL, or null when no public base URL is configured. */
    URI statusCallback() {
        if (publicBaseUrl == null || !StringUtils.hasText(publicBaseUrl.toString())) {
            return null;
        }
        String base = publicBaseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + STATUS_CALLBACK_PATH);
    }

    boolean configured() {
        return StringUtils.hasText(accountSid) && StringUtils.hasText(authToken) && StringUtils.hasText(from);
    }
}
