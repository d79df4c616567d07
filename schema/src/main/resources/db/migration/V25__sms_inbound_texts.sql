-- Waitwell schema, version 25: texts customers send to the shop's Twilio number (issue #14, two-way SMS). One row
-- per Twilio MessageSid: a retried delivery of the same text finds its row and acts no second time (it is answered
-- with the reply kept here). Support reads them too: what the customer wrote, what it was read as, what was done.
CREATE TABLE sms_inbound (
    message_sid text        PRIMARY KEY CHECK (message_sid ~ '^[A-Za-z0-9]{1,64}$'),
    -- the sender as Twilio gives it (From); E.164 for an SMS
    phone       text        NOT NULL CHECK (length(phone) <= 64),
    body        text        NOT NULL CHECK (length(body) <= 1600),
    received_at timestamptz NOT NULL DEFAULT now(),
    -- what the text was read as (STATUS, WAIT, STOP, SURVEY, OTHER...), the order it acted on or was kept for,
    -- what came of it and the reply Twilio was given; null while it is being handled
    keyword     text        CHECK (length(keyword) <= 32),
    order_id    varchar(64) REFERENCES orders (order_id),
    outcome     text        CHECK (length(outcome) <= 500),
    reply       text        CHECK (length(reply) <= 1600),
    answered_at timestamptz
);

CREATE INDEX sms_inbound_by_phone ON sms_inbound (phone, received_at);
CREATE INDEX sms_inbound_by_order ON sms_inbound (order_id) WHERE order_id IS NOT NULL;

-- A text is matched to its customer's orders by the sender's number.
CREATE INDEX orders_by_customer_phone ON orders (customer_phone) WHERE customer_phone IS NOT NULL;
