package dev.waitwell.api.checkout;

import dev.waitwell.workflows.notification.Channel;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class ReachableOnChosenChannelsValidator
        implements ConstraintValidator<ReachableOnChosenChannels, CheckoutRequest.CustomerRequest> {

    @Override
    public boolean isValid(CheckoutRequest.CustomerRequest customer, ConstraintValidatorContext context) {
        if (customer == null) {
            return true;
        }
        boolean valid = true;
        context.disableDefaultConstraintViolation();
        if (customer.channelsOrNone().contains(Channel.EMAIL) && isBlank(customer.email())) {
            missing(context, "email", "is required when EMAIL is chosen");
            valid = false;
        }
        if (customer.channelsOrNone().contains(Channel.SMS) && isBlank(customer.phone())) {
            missing(context, "phone", "is required when SMS is chosen");
            valid = false;
        }
        return valid;
    }

    private static void missing(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message)
                .addPropertyNode(field)
                .addConstraintViolation();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
