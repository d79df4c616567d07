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
 */
@ConfigurationProperties("waitwell.sms.twilio")
record TwilioProperties(String accountSid, String authToken, String from, URI endpoint) {

    boolean configured() {
        return StringUtils.hasText(accountSid) && StringUtils.hasText(authToken) && StringUtils.hasText(from);
    }
}
