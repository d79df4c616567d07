package dev.waitwell.api.inventory;

import java.time.OffsetDateTime;

/**
 * Units of stock one allocation batch gave an order. Units taken from stock at checkout or by a switch to an
 * alternative come with no batch and are not listed; the order's {@code allocatedUnits} counts them.
 *
 * @param sku the product allocated (the original item for a later switch)
 * @param source where the units came from: {@code RECEIPT} (goods in), {@code RELEASE} (stock on hand at a
 *     pre-order's release) or {@code RETURN} (units another order gave back)
 * @param sourceRef the batch's reference: the receipt id, the released sku, or the order that gave units back
 *     ({@code {orderId}/switch} after a switch)
 * @param receiptReference for a receipt, its reference (the delivery note); else null
 * @param purchaseOrderId for a receipt against a purchase order, its id; else null
 */
public record AllocationRecord(
        OffsetDateTime at,
        int quantity,
        String sku,
        String source,
        String sourceRef,
        String receiptReference,
        String purchaseOrderId) {}
