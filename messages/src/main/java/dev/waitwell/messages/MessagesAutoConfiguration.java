package dev.waitwell.messages;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One {@link Messages} for the application, validated before anything can send. */
@AutoConfiguration
@EnableConfigurationProperties(ShopProperties.class)
public class MessagesAutoConfiguration {

    @Bean
    Messages messages(ShopProperties shop, @Value("${waitwell.zone:UTC}") String zone) {
        Messages messages = new Messages(shop, ZoneId.of(zone));
        messages.validate();
        return messages;
    }
}
