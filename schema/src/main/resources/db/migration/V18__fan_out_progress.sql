-- Waitwell schema, version 18: the work between orders records how far it got, so that a run Temporal lost
-- part-way (a local restart, a run terminated by hand) is finished by the API's recovery sweeps from here:
-- only the orders not yet told are told.

-- When the allocation fan-out told the order of this allocation (or found its workflow gone: the order's rebuild
-- reads the allocation from this row). Rows from before version 18 are taken as told.
ALTER TABLE allocations ADD COLUMN signalled_at timestamptz;
UPDATE allocations SET signalled_at = created_at;
CREATE INDEX allocations_unsignalled ON allocations (batch_id, id) WHERE signalled_at IS NULL;

-- When the promise review told the order of its new promise. A change whose order's workflow was gone stays
-- untold (a rebuilt order does not read pending changes) and is told again once the order runs.
ALTER TABLE promise_changes ADD COLUMN told_at timestamptz;
UPDATE promise_changes c SET told_at = r.created_at FROM promise_reviews r WHERE r.review_id = c.review_id;
CREATE INDEX promise_changes_untold ON promise_changes (review_id, id) WHERE told_at IS NULL;

-- The open pre-orders a staff release must tell (listed when the release marks the product released), and when
-- each was told (or found its workflow gone: its rebuild reads the product's release).
CREATE TABLE release_notices (
    sku       varchar(64) NOT NULL REFERENCES products (sku),
    order_id  varchar(64) NOT NULL REFERENCES orders (order_id),
    listed_at timestamptz NOT NULL DEFAULT now(),
    told_at   timestamptz,
    PRIMARY KEY (sku, order_id)
);
CREATE INDEX release_notices_untold ON release_notices (listed_at) WHERE told_at IS NULL;
