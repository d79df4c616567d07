-- Waitwell schema, version 9: when the API saw the order's workflow start. Checkout commits the order first and
-- starts its workflow after; an order left without a start (the API stopped in between, Temporal was down) is
-- found by this column and started by the API's recovery sweep.
ALTER TABLE orders ADD COLUMN workflow_started_at timestamptz;
UPDATE orders SET workflow_started_at = placed_at;
CREATE INDEX orders_without_workflow ON orders (placed_at) WHERE workflow_started_at IS NULL;
