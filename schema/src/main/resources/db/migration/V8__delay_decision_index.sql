-- Waitwell schema, version 8: the API exports the delay decisions to Prometheus (waitwell_decisions_total) every
-- few seconds. They are a few rows among the whole timeline (order_events grows by a dozen rows per order): this
-- partial index (with the message the choice is read from) lets the count read just them.
CREATE INDEX order_events_delay_decisions ON order_events (id) INCLUDE (message) WHERE type = 'DELAY_DECIDED';
