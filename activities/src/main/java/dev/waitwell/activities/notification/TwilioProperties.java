package dev.waitwell.activities.notification;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * {@code waitwell.sms.twilio.*}. SMS is skipped unless sid, token and sender number are all set.
 *
 * @param endpoint optional base URL ({@code http://host:port}) every Twilio call goes to instead of
 *     twilio.com: a local stub in tests and local runs
 */
@ConfigurationProperties("waitwell.sms.twilio")
record TwilioProperties(String accountSid, String authToken, String from, URI endpoint) {

    boolean configured() {
        return StringUtils.hasText(accountSid) && StringUtils.hasText(authToken) && StringUtils.hasText(from);
    }
}
