package dev.waitwell.api.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The customer's decision as JSON, for shops that build their own page: the token of the signed link. */
record CustomerDecisionBody(
        @NotBlank @Size(max = 200) String token,

        @NotNull @Pattern(regexp = CHOICES, message = "must be one of WAIT, SWITCH, CANCEL") String choice,

        @Pattern(regexp = SKU, message = "must be a sku") String alternativeSku) {

    static final String CHOICES = "WAIT|SWITCH|CANCEL";
    static final String SKU = "[A-Za-z0-9._-]{1,64}";
}
