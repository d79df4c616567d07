package dev.waitwell.api.product;

import dev.waitwell.workflows.shared.Bounds;
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

        @NotNull @PositiveOrZero @Max(Bounds.MAX_UNIT_PRICE_MINOR) Long price,

        @NotNull @Iso4217 String currency,
        LocalDate releaseDate,
        @PositiveOrZero @Max(Bounds.MAX_STOCK_UNITS) Integer preorderCap,
        @Min(0) @Max(100) Integer depositPercent,
        @Valid Backorders backorders,
        LocalDate restockEta,

        @Size(max = ProductRequest.MAX_ALTERNATIVES) List<@NotNull @Pattern(regexp = ProductRequest.SKU, message = "must be a sku") String> alternatives,

        @Size(max = 500) String reason) {

    static final String SKU = "[A-Za-z0-9._-]{1,64}";
    static final int MAX_ALTERNATIVES = 20;
    /** Ten years: a promise further away than that is no promise. */
    static final int MAX_WAIT_DAYS = 3650;

    /** @param maxQuantity a cap on outstanding backordered units; null for none */
    record Backorders(
            Boolean allowed,
            @PositiveOrZero @Max(MAX_WAIT_DAYS) Integer maxWaitDays,
            @PositiveOrZero @Max(Bounds.MAX_STOCK_UNITS) Integer maxQuantity) {}

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
