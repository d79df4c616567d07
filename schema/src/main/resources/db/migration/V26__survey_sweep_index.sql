-- Waitwell schema, version 26: the survey sweep (issue #14) looks for orders shipped between 30 days and a week ago
-- every few minutes. The shipments are a few rows among the whole timeline: a partial index by time finds them.
CREATE INDEX order_events_shipped ON order_events (at, order_id) WHERE type = 'STATUS_SHIPPED';
