-- Waitwell schema, version 17: the API's recovery sweep writes the checkout input (orders.workflow_input, V15) of
-- open orders placed before the API kept it. It looks for them every minute; once they are written this index is
-- empty, so the look costs nothing however many open orders there are.
CREATE INDEX orders_without_checkout_input ON orders (placed_at, order_id)
    WHERE workflow_input IS NULL AND status NOT IN ('SHIPPED', 'CANCELLED');
