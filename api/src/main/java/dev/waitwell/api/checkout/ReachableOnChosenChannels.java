package dev.waitwell.api.checkout;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An email address when EMAIL is chosen, a phone number when SMS is; reported on the missing field. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReachableOnChosenChannelsValidator.class)
@interface ReachableOnChosenChannels {

    String message() default "is required for the chosen channel";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
