package dev.waitwell.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ApiTest} with Stripe as the payment gateway: any well-formed PaymentMethod id is taken, as in production.
 * One context for every test that carries it (its own test service and worker, beside the sandbox's), where the rate
 * limits' time stands still.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiTest
@Import(RateLimitTimeStandsStill.class)
@TestPropertySource(properties = "waitwell.payments.gateway=stripe")
public @interface StripeApiTest {}
