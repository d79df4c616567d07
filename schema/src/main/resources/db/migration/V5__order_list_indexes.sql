-- Waitwell schema, version 5: indexes for support's order list and the audit list. The order list sorts oldest
-- first by (placed_at, order_id); each filter's index ends in that order so a page is read without sorting.
CREATE INDEX orders_by_status_placed ON orders (status, placed_at, order_id);
CREATE INDEX orders_by_sku_placed ON orders (sku, placed_at, order_id);
-- replaces orders_by_customer (customer_id): same lookups, and in list order
CREATE INDEX orders_by_customer_placed ON orders (customer_id, placed_at, order_id);
DROP INDEX orders_by_customer;
CREATE INDEX orders_by_customer_email ON orders (customer_email);
CREATE INDEX orders_by_promised_date ON orders (promised_date);

-- The audit list: newest first, overall and by user or sku (by order: staff_actions_by_order).
CREATE INDEX staff_actions_by_at ON staff_actions (at DESC, id DESC);
CREATE INDEX staff_actions_by_user ON staff_actions (username, at DESC, id DESC);
CREATE INDEX staff_actions_by_sku ON staff_actions (sku, at DESC, id DESC);
