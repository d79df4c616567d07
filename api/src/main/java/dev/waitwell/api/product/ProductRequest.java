package dev.waitwell.api.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code PUT /admin/v1/products/{sku}}. Amounts in minor units; {@code reason}, optional, goes to the
 * audit trail with the change.
 */
record ProductRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @PositiveOrZero Long price,
        @NotNull @Iso4217 String currency,
        LocalDate releaseDate,
        @PositiveOrZero Integer preorderCap,
        @Min(0) @Max(100) Integer depositPercent,
        @Valid Backorders backorders,
        LocalDate restockEta,
        List<@NotNull @Pattern(regexp = ProductRequest.SKU, message = "must be a sku") String> alternatives,
        @Size(max = 500) String reason) {

    static final String SKU = "[A-Za-z0-9._-]{1,64}";

    /** @param maxQuantity a cap on outstanding backordered units; null for none */
    record Backorders(
            Boolean allowed,
            @PositiveOrZero Integer maxWaitDays,
            @PositiveOrZero Integer maxQuantity) {}

    /**
     * The body of {@code PUT /admin/v1/products/{sku}/eta}: when the next stock is expected (null: nobody
     * knows) and why it changed, in words the customers read in their delay notice.
     */
    record EtaChange(
            LocalDate expectedDate,
            @NotBlank @Size(max = 500) String reason) {}

    int depositPercentOrZero() {
        return depositPercent == null ? 0 : depositPercent;
    }

    boolean backordersAllowed() {
        return backorders != null && Boolean.TRUE.equals(backorders.allowed());
    }

    Integer backorderMaxWaitDays() {
        return backorders == null ? null : backorders.maxWaitDays();
    }

    Integer backorderMaxQuantity() {
        return backorders == null ? null : backorders.maxQuantity();
    }

    List<String> alternativesOrEmpty() {
        return alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
