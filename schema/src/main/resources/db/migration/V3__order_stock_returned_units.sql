-- Waitwell schema, version 3: the units a cancelled order gave back to stock, so that a retried
-- cancellation answers with the same count after order_stock.allocated went to 0.
ALTER TABLE order_stock
    ADD COLUMN returned integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT returned_within_quantity CHECK (returned >= 0 AND returned <= quantity);
