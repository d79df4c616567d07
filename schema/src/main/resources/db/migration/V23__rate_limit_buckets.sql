-- Waitwell schema, version 23: the rate limits that protect money (checkout, payment methods and retries,
-- cancellations, shipments, delay decisions) are token buckets every API instance shares, so that adding an
-- instance does not add allowance. Bucket4j's PostgreSQL schema (select-for-update flavour, with expiry):
-- one row per key ("user:<name>", "order:<id>" for staff, "customer:<id>" for the holder of the order's link).

CREATE TABLE rate_limit_buckets (
    id         text PRIMARY KEY,
    -- Bucket4j's serialised bucket: its configuration and how many tokens it held when.
    state      bytea,
    -- Epoch milliseconds after which the bucket is full again and its row can go (ExpiredRateLimitBuckets).
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
