package dev.waitwell.api.product;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;

class Iso4217Validator implements ConstraintValidator<Iso4217, String> {

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
        if (code == null) {
            return true;
        }
        try {
            // Codes without minor units (XXX "no currency", XAU gold...) cannot carry a price in minor units.
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
