-- Waitwell schema, version 21: upper bounds on every count of units and every amount an order is priced with, the
-- same as dev.waitwell.workflows.shared.Bounds. The API refuses requests beyond them (400, or 409
-- STOCK_LIMIT_EXCEEDED) and the activities check them too; these constraints are the last word, so that even a bug
-- cannot make a counter overflow an integer or a total overflow a long. Each counter is at most 10,000,000 units,
-- and so is each pair that moves units between them (held: on hand + allocated; owed: pre-ordered + backordered).
-- They are added NOT VALID: every row written from now on is checked, but rows already there are not, so that a
-- database holding an absurd order taken before this version still migrates and starts. Such rows keep being
-- refused on their next update; find them with the WHERE clauses below, repair them, then
-- ALTER TABLE ... VALIDATE CONSTRAINT ... (docs/operations.md).

ALTER TABLE products
    ADD CONSTRAINT price_within_bound CHECK (price_minor <= 100000000) NOT VALID,
    ADD CONSTRAINT counters_within_bound CHECK (
        on_hand <= 10000000 AND allocated <= 10000000 AND preordered <= 10000000 AND backordered <= 10000000) NOT VALID,
    ADD CONSTRAINT held_units_within_bound CHECK (on_hand::bigint + allocated <= 10000000) NOT VALID,
    ADD CONSTRAINT owed_units_within_bound CHECK (preordered::bigint + backordered <= 10000000) NOT VALID,
    ADD CONSTRAINT caps_within_bound CHECK (
        coalesce(preorder_cap, 0) <= 10000000 AND coalesce(backorder_max_quantity, 0) <= 10000000) NOT VALID;

-- One order: at most 1,000,000 units (the ceiling of waitwell.policy.max-quantity) and 1,000,000,000.00.
ALTER TABLE orders
    ADD CONSTRAINT order_quantity_within_bound CHECK (quantity <= 1000000) NOT VALID,
    ADD CONSTRAINT unit_price_within_bound CHECK (unit_price_minor <= 100000000) NOT VALID,
    ADD CONSTRAINT total_within_bound CHECK (total_minor <= 100000000000) NOT VALID;

ALTER TABLE order_stock
    ADD CONSTRAINT order_stock_quantity_within_bound CHECK (quantity <= 1000000) NOT VALID;

ALTER TABLE fulfilment_requests
    ADD CONSTRAINT fulfilment_quantity_within_bound CHECK (quantity <= 1000000) NOT VALID;

ALTER TABLE allocations
    ADD CONSTRAINT allocation_quantity_within_bound CHECK (quantity <= 1000000) NOT VALID;

-- A purchase order brings at most 1,000,000 units, and so does a receipt sent by staff; a release's launch stock
-- (one receipt of every pre-ordered unit) may be as large as the pre-ordered counter.
ALTER TABLE purchase_orders
    ADD CONSTRAINT purchase_order_quantity_within_bound CHECK (quantity <= 1000000) NOT VALID;

ALTER TABLE stock_receipts
    ADD CONSTRAINT receipt_quantity_within_bound CHECK (quantity <= 10000000) NOT VALID;
