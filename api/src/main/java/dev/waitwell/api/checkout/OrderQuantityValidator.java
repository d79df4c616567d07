package dev.waitwell.api.checkout;

import dev.waitwell.api.shared.WaitwellProperties;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Built by Spring's validator factory, which injects the shop's policy. */
class OrderQuantityValidator implements ConstraintValidator<OrderQuantity, Integer> {

    private final int maxQuantity;

    OrderQuantityValidator(WaitwellProperties properties) {
        this.maxQuantity = properties.policy().maxQuantity();
    }

    @Override
    public boolean isValid(Integer quantity, ConstraintValidatorContext context) {
        if (quantity == null || quantity <= maxQuantity) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be at most " + maxQuantity + " units per order")
                .addConstraintViolation();
        return false;
    }
}
