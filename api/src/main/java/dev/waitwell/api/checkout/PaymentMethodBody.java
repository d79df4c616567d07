package dev.waitwell.api.checkout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The payment method the shop sets for the order's next charge. */
record PaymentMethodBody(@NotBlank @Size(max = 200) String paymentMethod) {}
