-- Waitwell schema, version 4: delays. Reward codes for patience, promise reviews and the changes they found,
-- and refunds of a charge in parts (a switch to a cheaper item) that never add up to more than the charge.
-- orders.promised_date is nullable since V1: null means the date is unknown.

-- A discount code on a next order, issued once per order and delay.
CREATE TABLE reward_codes (
    code         varchar(32) PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{4,32}$'),
    order_id     varchar(64) NOT NULL REFERENCES orders (order_id),
    customer_id  text,
    delay_number integer     NOT NULL CHECK (delay_number > 0),
    percent      integer     NOT NULL CHECK (percent BETWEEN 1 AND 100),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT one_reward_per_order_and_delay UNIQUE (order_id, delay_number)
);

-- A recomputation of a product's promises, named by its cause (a PO's date change, an ETA, a receipt).
CREATE TABLE promise_reviews (
    review_id  text        PRIMARY KEY CHECK (length(review_id) BETWEEN 1 AND 200),
    sku        varchar(64) NOT NULL REFERENCES products (sku),
    reason     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per order whose promise a review changed: the outbox the review workflow signals from, by id.
CREATE TABLE promise_changes (
    id             bigserial PRIMARY KEY,
    review_id      text        NOT NULL REFERENCES promise_reviews (review_id),
    order_id       varchar(64) NOT NULL REFERENCES orders (order_id),
    previous_date  date,
    new_date       date,
    new_release_at timestamptz,
    reason         text        NOT NULL,
    CONSTRAINT one_change_per_review_and_order UNIQUE (review_id, order_id)
);

-- A charge may now be refunded in parts; together they never exceed it. The charge row is locked first, so
-- two refunds of one charge are checked one after the other.
DROP INDEX one_refund_per_charge;

CREATE FUNCTION refunds_within_charge() RETURNS trigger AS $$
DECLARE
    charge  payments%ROWTYPE;
    earlier bigint;
BEGIN
    SELECT * INTO charge FROM payments WHERE id = NEW.refund_of FOR UPDATE;
    IF NOT FOUND OR charge.kind <> 'CHARGE' OR charge.status <> 'SUCCEEDED' THEN
        RAISE EXCEPTION 'refund % names no successful charge (%)', NEW.idempotency_key, NEW.refund_of;
    END IF;
    IF charge.order_id <> NEW.order_id OR charge.currency <> NEW.currency THEN
        RAISE EXCEPTION 'refund % does not match charge % (order or currency)', NEW.idempotency_key, charge.id;
    END IF;
    -- A retry of a recorded refund: ON CONFLICT skips it, nothing to check.
    IF TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM payments WHERE idempotency_key = NEW.idempotency_key) THEN
        RETURN NEW;
    END IF;
    SELECT coalesce(sum(amount_minor), 0) INTO earlier
      FROM payments WHERE refund_of = charge.id AND kind = 'REFUND' AND status = 'SUCCEEDED' AND id <> NEW.id;
    IF earlier + NEW.amount_minor > charge.amount_minor THEN
        RAISE EXCEPTION 'refund % of % would refund % of charge % (% charged)', NEW.idempotency_key,
            NEW.amount_minor, earlier + NEW.amount_minor, charge.id, charge.amount_minor;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER refunds_within_charge
    BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW WHEN (NEW.kind = 'REFUND')
    EXECUTE FUNCTION refunds_within_charge();
CREATE INDEX payments_refunds_by_charge ON payments (refund_of) WHERE kind = 'REFUND';
