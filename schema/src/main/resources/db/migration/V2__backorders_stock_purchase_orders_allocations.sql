-- Waitwell schema, version 2: backorders. Stock counters per product, purchase orders, receipts, the
-- allocation queue and its allocations (the outbox the fan-out workflows read).

-- backordered: units ordered and waiting for stock (backorders, and pre-orders of a released product).
-- stock_tracked: the shop records this product's stock in Waitwell (a receipt or a purchase order exists);
-- until then a release ships pre-orders from launch stock that arrives with it.
ALTER TABLE products
    ADD COLUMN backordered            integer NOT NULL DEFAULT 0 CHECK (backordered >= 0),
    ADD COLUMN backorder_max_quantity integer CHECK (backorder_max_quantity >= 0),
    ADD COLUMN stock_tracked          boolean NOT NULL DEFAULT false;

ALTER TABLE orders
    ADD COLUMN priority integer NOT NULL DEFAULT 0;

-- An order's place in the allocation queue: WAITING orders of a sku are served by priority (higher
-- first), then placement, then order id; `allocated` counts the units it holds so far.
ALTER TABLE order_stock ADD COLUMN allocated integer NOT NULL DEFAULT 0;
UPDATE order_stock SET allocated = quantity WHERE state IN ('ALLOCATED', 'SHIPPED');
ALTER TABLE order_stock
    DROP CONSTRAINT order_stock_state_check,
    ADD CONSTRAINT order_stock_state_check
        CHECK (state IN ('PREORDERED', 'WAITING', 'ALLOCATED', 'SHIPPED', 'RETURNED')),
    ADD CONSTRAINT allocated_within_quantity CHECK (allocated >= 0 AND allocated <= quantity),
    ADD CONSTRAINT allocated_matches_state CHECK (
        (state = 'PREORDERED' AND allocated = 0)
        OR (state = 'WAITING' AND allocated < quantity)
        OR (state IN ('ALLOCATED', 'SHIPPED') AND allocated = quantity)
        OR (state = 'RETURNED' AND allocated = 0));
CREATE INDEX order_stock_waiting ON order_stock (sku) WHERE state = 'WAITING';

CREATE TABLE purchase_orders (
    id            varchar(64) PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{1,64}$'),
    supplier      text        NOT NULL CHECK (length(supplier) > 0),
    sku           varchar(64) NOT NULL REFERENCES products (sku),
    quantity      integer     NOT NULL CHECK (quantity > 0),
    received      integer     NOT NULL DEFAULT 0 CHECK (received >= 0),
    expected_date date        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT received_within_quantity CHECK (received <= quantity)
);
CREATE INDEX purchase_orders_open_by_sku ON purchase_orders (sku, expected_date) WHERE received < quantity;

-- Every move of a purchase order's expected date, with who moved it and why.
CREATE TABLE purchase_order_date_changes (
    id                bigserial PRIMARY KEY,
    purchase_order_id varchar(64) NOT NULL REFERENCES purchase_orders (id),
    previous_date     date        NOT NULL,
    new_date          date        NOT NULL,
    reason            text        NOT NULL,
    changed_by        text        NOT NULL,
    changed_at        timestamptz NOT NULL DEFAULT now()
);

-- A batch is the allocations one transaction made: a receipt, a release, units a cancellation gave back.
CREATE TABLE allocation_batches (
    id         bigserial PRIMARY KEY,
    sku        varchar(64) NOT NULL REFERENCES products (sku),
    source     text        NOT NULL CHECK (source IN ('RECEIPT', 'RELEASE', 'RETURN')),
    source_ref text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT one_batch_per_source UNIQUE (source, source_ref)
);

CREATE TABLE stock_receipts (
    id                bigserial PRIMARY KEY,
    sku               varchar(64) NOT NULL REFERENCES products (sku),
    reference         text        NOT NULL CHECK (length(reference) > 0),
    quantity          integer     NOT NULL CHECK (quantity > 0),
    purchase_order_id varchar(64) REFERENCES purchase_orders (id),
    received_by       text        NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now(),
    batch_id          bigint REFERENCES allocation_batches (id),
    CONSTRAINT one_receipt_per_reference UNIQUE (sku, reference)
);

-- What each order got from each batch. The fan-out workflow pages through a batch by id to signal them.
CREATE TABLE allocations (
    id         bigserial PRIMARY KEY,
    batch_id   bigint      NOT NULL REFERENCES allocation_batches (id),
    order_id   varchar(64) NOT NULL REFERENCES orders (order_id),
    quantity   integer     NOT NULL CHECK (quantity > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT one_allocation_per_order_and_batch UNIQUE (batch_id, order_id)
);
CREATE INDEX allocations_by_order ON allocations (order_id);
