-- Real payments through Stripe: one Stripe Customer per Waitwell customer, charges that wait on the customer's
-- bank (SCA), processor events handled once, refunds made outside Waitwell, and disputes.

-- Created once per customer (the same customer ordering again reuses it).
CREATE TABLE stripe_customers (
    customer_id        text PRIMARY KEY,
    stripe_customer_id text        NOT NULL UNIQUE,
    created_at         timestamptz NOT NULL DEFAULT now()
);

-- A charge may wait on the customer's bank (REQUIRES_ACTION) until it succeeds or is declined; it keeps its row
-- and key meanwhile. failure_reason keeps the processor's code; failure_message the short reason people read.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('SUCCEEDED', 'DECLINED', 'REQUIRES_ACTION'));
ALTER TABLE payments ADD COLUMN action_url text;
ALTER TABLE payments ADD COLUMN failure_message text;
ALTER TABLE payments ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- Refunds made in the processor's dashboard are recorded with who reported them.
ALTER TABLE payments ADD COLUMN recorded_by text;
-- Webhooks find a charge by the processor's reference (a PaymentIntent id).
CREATE INDEX payments_by_gateway_reference ON payments (gateway_reference) WHERE gateway_reference IS NOT NULL;

-- Every processor event once: a replayed webhook finds its id here and does nothing.
CREATE TABLE payment_events (
    event_id     text PRIMARY KEY,
    type         text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz
);

-- A customer disputed a charge with their bank: support sees it on the order, metrics count it.
CREATE TABLE order_disputes (
    dispute_id       text PRIMARY KEY,
    order_id         varchar(64) NOT NULL REFERENCES orders (order_id),
    charge_reference text        NOT NULL,
    amount_minor     bigint      NOT NULL CHECK (amount_minor >= 0),
    currency         char(3)     NOT NULL,
    reason           text,
    status           text        NOT NULL,
    opened_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_disputes_by_order ON order_disputes (order_id);
