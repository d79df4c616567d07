package dev.waitwell.api.checkout;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At most {@code waitwell.policy.max-quantity} units in one order: a limit the shop configures, so it cannot be an
 * annotation's constant.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OrderQuantityValidator.class)
@interface OrderQuantity {

    String message() default "is more units than one order may hold";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
