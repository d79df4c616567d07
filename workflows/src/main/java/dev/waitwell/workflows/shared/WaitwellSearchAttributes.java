package dev.waitwell.workflows.shared;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The custom search attributes of order workflows, for ops in the Temporal UI ("all orders delayed for
 * sku X"). Set at start by the API, upserted by the workflow at every status change. The worker
 * registers them at start-up when the server lacks them; an unregistered attribute fails the workflow.
 */
public final class WaitwellSearchAttributes {

    public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("WaitwellStatus");
    public static final SearchAttributeKey<String> KIND = SearchAttributeKey.forKeyword("WaitwellKind");
    public static final SearchAttributeKey<String> SKU = SearchAttributeKey.forKeyword("WaitwellSku");
    public static final SearchAttributeKey<String> CUSTOMER_ID = SearchAttributeKey.forKeyword("WaitwellCustomerId");
    public static final SearchAttributeKey<OffsetDateTime> PROMISED_DATE =
            SearchAttributeKey.forOffsetDateTime("WaitwellPromisedDate");

    /** Every attribute with its type, for registration. */
    public static final Map<String, IndexedValueType> ALL = Map.of(
            STATUS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
            KIND.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
            SKU.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
            CUSTOMER_ID.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
            PROMISED_DATE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_DATETIME);

    private WaitwellSearchAttributes() {}

    /** A promised date as the date-time attribute holds it: its start, in UTC. */
    public static OffsetDateTime promised(LocalDate date) {
        return date == null ? null : date.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
