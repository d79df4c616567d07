-- Waitwell schema, version 1: catalog and stock, orders and their timeline, payments (gateway-agnostic
-- records plus the sandbox gateway's own), the double-entry ledger, notifications and staff actions.
-- Invariants live here as well as in code: CHECK, UNIQUE and foreign keys.

CREATE TABLE products (
    sku                     varchar(64) PRIMARY KEY CHECK (sku ~ '^[A-Za-z0-9._-]{1,64}$'),
    name                    text        NOT NULL CHECK (length(name) > 0),
    price_minor             bigint      NOT NULL CHECK (price_minor >= 0),
    currency                char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    release_date            date,
    released_at             timestamptz,
    preorder_cap            integer     CHECK (preorder_cap >= 0),
    deposit_percent         integer     NOT NULL DEFAULT 0 CHECK (deposit_percent BETWEEN 0 AND 100),
    backorders_allowed      boolean     NOT NULL DEFAULT false,
    backorder_max_wait_days integer     CHECK (backorder_max_wait_days >= 0),
    restock_eta             date,
    alternatives            text[]      NOT NULL DEFAULT '{}',
    -- stock counters: received and free / reserved for orders and not shipped / pre-ordered, not yet allocated
    on_hand                 integer     NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    allocated               integer     NOT NULL DEFAULT 0 CHECK (allocated >= 0),
    preordered              integer     NOT NULL DEFAULT 0 CHECK (preordered >= 0),
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT preorders_within_cap CHECK (preorder_cap IS NULL OR preordered <= preorder_cap)
);

CREATE TABLE orders (
    order_id            varchar(64) PRIMARY KEY CHECK (order_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    -- SHA-256 of the checkout request as received: the same request again is answered, a different one refused
    request_hash        text        NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('PREORDER', 'BACKORDER', 'IN_STOCK')),
    status              text        NOT NULL,
    sku                 varchar(64) NOT NULL REFERENCES products (sku),
    quantity            integer     NOT NULL CHECK (quantity > 0),
    payment_plan        text        NOT NULL CHECK (payment_plan IN ('FULL', 'DEPOSIT', 'PAY_LATER')),
    payment_method      text        NOT NULL,
    currency            char(3)     NOT NULL,
    unit_price_minor    bigint      NOT NULL CHECK (unit_price_minor >= 0),
    total_minor         bigint      NOT NULL CHECK (total_minor >= 0),
    first_payment_minor bigint      NOT NULL CHECK (first_payment_minor >= 0 AND first_payment_minor <= total_minor),
    promised_date       date,
    customer_id         text        NOT NULL,
    customer_name       text,
    customer_email      text,
    customer_phone      text,
    customer_channels   text[]      NOT NULL DEFAULT '{}',
    link_expires_at     timestamptz NOT NULL,
    carrier             text,
    tracking_number     text,
    cancellation_reason text,
    placed_at           timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_by_sku_status ON orders (sku, status);
CREATE INDEX orders_by_customer ON orders (customer_id);
CREATE INDEX orders_by_placed ON orders (placed_at, order_id);

-- The timeline: every milestone, status change and notification of an order, in order.
CREATE TABLE order_events (
    id        bigserial PRIMARY KEY,
    order_id  varchar(64) NOT NULL REFERENCES orders (order_id),
    event_key text        NOT NULL,
    at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    type      text        NOT NULL,
    message   text        NOT NULL,
    CONSTRAINT one_event_per_key UNIQUE (order_id, event_key)
);

-- Where each order's units are: pre-ordered (reserved at checkout), allocated, shipped or returned.
CREATE TABLE order_stock (
    order_id   varchar(64) PRIMARY KEY REFERENCES orders (order_id),
    sku        varchar(64) NOT NULL REFERENCES products (sku),
    quantity   integer     NOT NULL CHECK (quantity > 0),
    state      text        NOT NULL CHECK (state IN ('PREORDERED', 'ALLOCATED', 'SHIPPED', 'RETURNED')),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fulfilment_requests (
    order_id     varchar(64) PRIMARY KEY REFERENCES orders (order_id),
    sku          varchar(64) NOT NULL,
    quantity     integer     NOT NULL CHECK (quantity > 0),
    requested_at timestamptz NOT NULL DEFAULT now()
);

-- Saved payment methods the gateway knows. The sandbox gateway seeds its test cards here.
CREATE TABLE payment_methods (
    id       text PRIMARY KEY,
    gateway  text    NOT NULL,
    brand    text    NOT NULL,
    -- sandbox behaviour: the method attaches, but every charge on it is declined
    declines boolean NOT NULL DEFAULT false
);
INSERT INTO payment_methods (id, gateway, brand, declines) VALUES
    ('pm_card_visa', 'sandbox', 'visa', false),
    ('pm_card_mastercard', 'sandbox', 'mastercard', false),
    ('pm_card_chargeDeclined', 'sandbox', 'visa', true);

-- The sandbox gateway's own books, as a card processor keeps them: one row per idempotency key.
CREATE TABLE sandbox_transactions (
    id              text PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    kind            text        NOT NULL CHECK (kind IN ('CHARGE', 'REFUND')),
    payment_method  text,
    charge_id       text REFERENCES sandbox_transactions (id),
    amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
    currency        char(3)     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('SUCCEEDED', 'DECLINED')),
    decline_code    text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Waitwell's record of every charge attempt and refund, whatever the gateway.
CREATE TABLE payments (
    id                bigserial PRIMARY KEY,
    order_id          varchar(64) NOT NULL REFERENCES orders (order_id),
    idempotency_key   text        NOT NULL UNIQUE,
    kind              text        NOT NULL CHECK (kind IN ('CHARGE', 'REFUND')),
    purpose           text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('SUCCEEDED', 'DECLINED')),
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    currency          char(3)     NOT NULL,
    payment_method    text,
    gateway_reference text,
    refund_of         bigint REFERENCES payments (id),
    failure_reason    text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refunds_name_their_charge CHECK ((kind = 'REFUND') = (refund_of IS NOT NULL))
);
CREATE INDEX payments_by_order ON payments (order_id);
-- A charge is refunded in full, once.
CREATE UNIQUE INDEX one_refund_per_charge ON payments (refund_of) WHERE kind = 'REFUND';

-- Double-entry ledger. Accounts: cash (asset), customerDeposits (liability: owed to customers until the
-- goods ship), revenue. Each transaction's debits equal its credits, checked at commit.
CREATE TABLE ledger_transactions (
    id          bigserial PRIMARY KEY,
    order_id    varchar(64) REFERENCES orders (order_id),
    posting_key text        NOT NULL UNIQUE,
    kind        text        NOT NULL CHECK (kind IN ('PAYMENT', 'REFUND', 'REVENUE')),
    currency    char(3)     NOT NULL,
    memo        text        NOT NULL,
    posted_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE ledger_lines (
    id             bigserial PRIMARY KEY,
    transaction_id bigint NOT NULL REFERENCES ledger_transactions (id),
    account        text   NOT NULL CHECK (account IN ('cash', 'customerDeposits', 'revenue')),
    debit_minor    bigint NOT NULL DEFAULT 0 CHECK (debit_minor >= 0),
    credit_minor   bigint NOT NULL DEFAULT 0 CHECK (credit_minor >= 0),
    CONSTRAINT one_side_per_line CHECK ((debit_minor = 0) <> (credit_minor = 0))
);
CREATE INDEX ledger_lines_by_transaction ON ledger_lines (transaction_id);

CREATE FUNCTION ledger_transaction_balances() RETURNS trigger AS $$
DECLARE
    difference bigint;
BEGIN
    SELECT coalesce(sum(debit_minor), 0) - coalesce(sum(credit_minor), 0) INTO difference
      FROM ledger_lines WHERE transaction_id = NEW.transaction_id;
    IF difference <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance (debits - credits = %)', NEW.transaction_id, difference;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER ledger_lines_balance
    AFTER INSERT OR UPDATE ON ledger_lines
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances();

-- One message per order, key and channel. SENDING means an attempt started and its outcome is not known.
CREATE TABLE notifications (
    id               bigserial PRIMARY KEY,
    order_id         varchar(64) NOT NULL REFERENCES orders (order_id),
    notification_key text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    template         text        NOT NULL,
    recipient        text,
    status           text        NOT NULL CHECK (status IN ('SENDING', 'SENT', 'SKIPPED', 'FAILED')),
    detail           text,
    provider_id      text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT one_message_per_key_and_channel UNIQUE (order_id, notification_key, channel)
);

-- Every staff action, with who did it and why.
CREATE TABLE staff_actions (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    username text        NOT NULL,
    action   text        NOT NULL,
    order_id varchar(64),
    sku      varchar(64),
    reason   text,
    details  text
);
CREATE INDEX staff_actions_by_order ON staff_actions (order_id);
