-- Waitwell schema, version 15: orders rebuilt when Temporal no longer has their workflow. PostgreSQL records what
-- each order has done; the worker's reconciler finds open orders whose workflow Temporal does not run and starts a
-- resumed run built from these tables.

-- The input the order's workflow was first started with (PlaceOrderInput as Temporal's JSON converter writes
-- it, without a continuation): what a rebuild starts from, so the worker needs none of the API's settings.
-- Written by the API before it starts the workflow; null only for orders placed before version 15, which the
-- API fills in.
ALTER TABLE orders ADD COLUMN workflow_input jsonb;
-- When the order's workflow was last rebuilt from the database; null when never.
ALTER TABLE orders ADD COLUMN workflow_rebuilt_at timestamptz;

-- Every rebuild: when, in which status, who asked (the reconciler, or support through the admin API).
CREATE TABLE order_rebuilds (
    id           bigserial   PRIMARY KEY,
    order_id     varchar(64) NOT NULL REFERENCES orders (order_id),
    rebuilt_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    status       text        NOT NULL,
    trigger      text        NOT NULL CHECK (trigger IN ('RECONCILER', 'SUPPORT')),
    requested_by text,
    run_id       text
);
CREATE INDEX order_rebuilds_by_order ON order_rebuilds (order_id, rebuilt_at DESC);

-- Every pass of the reconciler: what it checked, found and rebuilt (health and metrics read the latest).
CREATE TABLE workflow_reconciles (
    id               bigserial   PRIMARY KEY,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NOT NULL,
    open_orders      integer     NOT NULL CHECK (open_orders >= 0),
    without_workflow integer     NOT NULL CHECK (without_workflow >= 0),
    rebuilt          integer     NOT NULL CHECK (rebuilt >= 0),
    failed           integer     NOT NULL CHECK (failed >= 0)
);
CREATE INDEX workflow_reconciles_latest ON workflow_reconciles (finished_at DESC);

-- The reconciler walks open orders page by page.
CREATE INDEX orders_open ON orders (order_id) WHERE status NOT IN ('SHIPPED', 'CANCELLED');
