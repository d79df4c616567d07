-- Waitwell schema, version 10: support's order list by sku and status in list order, and the lookups of one
-- order's story (GET /admin/v1/orders/{id}) that had no index by order.

-- replaces orders_by_sku_status (sku, status): same lookups, and a page of one sku's orders in one status is
-- read in list order (placed_at, order_id) without sorting them all
CREATE INDEX orders_by_sku_status_placed ON orders (sku, status, placed_at, order_id);
DROP INDEX orders_by_sku_status;
-- "backorders waiting for stock": counted from the index alone, and paged in list order
CREATE INDEX orders_by_status_kind_placed ON orders (status, kind, placed_at, order_id);

-- promise_changes is unique by (review_id, order_id): an order's own changes were a scan of all reviews' rows
CREATE INDEX promise_changes_by_order ON promise_changes (order_id);
-- an order's ledger lines
CREATE INDEX ledger_transactions_by_order ON ledger_transactions (order_id);
