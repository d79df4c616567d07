package dev.waitwell.api.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param authToken the Twilio auth token that signs status callbacks; unset: every callback is refused
 */
@ConfigurationProperties("waitwell.sms.twilio")
record TwilioProperties(String authToken) {

    boolean configured() {
        return authToken != null && !authToken.isBlank();
    }
}
