package dev.waitwell.activities.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.mail.*}. The SMTP server itself is {@code spring.mail.*}; without {@code spring.mail.host}
 * there is no mail sender and email is skipped.
 *
 * @param from the From address of every message
 */
@ConfigurationProperties("waitwell.mail")
record EmailProperties(
        @DefaultValue("orders@waitwell.local") String from) {}
