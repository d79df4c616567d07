package dev.waitwell.activities.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitwell.payments.*}.
 *
 * @param gateway which {@link PaymentGateway} moves money; only {@code sandbox} exists so far
 */
@ConfigurationProperties("waitwell.payments")
record PaymentsProperties(@DefaultValue("sandbox") String gateway) {}
