package dev.waitwell.api.order;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the {@link UnstartedOrders} sweep; {@code waitwell.recovery.enabled=false} turns it off (tests seed rows). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "waitwell.recovery.enabled", havingValue = "true", matchIfMissing = true)
class RecoveryScheduling {
}
