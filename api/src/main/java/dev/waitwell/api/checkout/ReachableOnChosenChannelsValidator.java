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
        if (chose(customer, Channel.EMAIL) && isBlank(customer.email())) {
            missing(context, "email", "is required when EMAIL is chosen");
            valid = false;
        }
        if (chose(customer, Channel.SMS) && isBlank(customer.phone())) {
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

    /** Read from the strings: a channel that is not EMAIL or SMS is reported by its own constraint, not here. */
    private static boolean chose(CheckoutRequest.CustomerRequest customer, Channel channel) {
        return customer.channels() != null && customer.channels().contains(channel.name());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
