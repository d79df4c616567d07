-- Waitwell schema, version 29: the customers' messages an order has asked for, queued for the worker's sender
-- (issue #11, launch day). An order run queues a message in its workflow task and goes on; the sender claims due rows
-- in batches, sends each on every channel the customer chose (the notifications table keeps one row per channel, so
-- a message is never sent twice), and retries one that could not go out for some forty minutes (twelve attempts) before it gives up and says
-- so on the order's timeline. Rows stay once settled: what was asked for, when, and what became of it.
CREATE TABLE message_outbox (
    id              bigserial   PRIMARY KEY,
    order_id        varchar(64) NOT NULL REFERENCES orders (order_id),
    message_key     text        NOT NULL CHECK (length(message_key) <= 200),
    milestone       text        NOT NULL CHECK (length(milestone) <= 64),
    -- the NotificationRequest as the order asked for it (the JSON Temporal would have carried to an activity); the
    -- customer's signed link in it is blanked once the message is settled
    request         jsonb       NOT NULL,
    queued_at       timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- a sender working on the row holds it until then; a sender that died lets it go when the time passes
    claimed_until   timestamptz,
    last_error      text        CHECK (length(last_error) <= 2000),
    -- SETTLED (every channel settled: sent, skipped or refused; the notifications table says which) or GAVE_UP (still
    -- failing after the last attempt)
    outcome         text        CHECK (outcome IN ('SETTLED', 'GAVE_UP')),
    settled_at      timestamptz,
    CONSTRAINT one_queued_message_per_key UNIQUE (order_id, message_key),
    CONSTRAINT settled_with_outcome CHECK ((outcome IS NULL) = (settled_at IS NULL))
);

-- What the sender claims: due rows not settled, oldest first; and an order's earlier unsettled message, which goes
-- first.
CREATE INDEX message_outbox_due ON message_outbox (next_attempt_at, id) WHERE outcome IS NULL;
CREATE INDEX message_outbox_unsettled_by_order ON message_outbox (order_id, id) WHERE outcome IS NULL;
