package dev.waitwell.api.customer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer's survey answer as JSON: the token of the signed link, a score of 1 to 5, an optional comment. */
record SurveyAnswerBody(
        @NotBlank @Size(max = 200) String token,
        @NotNull @Min(1) @Max(5) Integer score,
        @Size(max = 1000) String comment) {}
