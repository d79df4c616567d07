-- Waitwell schema, version 24: the customer's voice (issue #14). Customers have no table of their own: an order
-- names its customer (id, email, phone), and a phone number is who a text comes from.

-- A number that said STOP (or that Twilio refused with error 21610, "unsubscribed recipient") gets no SMS for any
-- order until it says START. One row per number, as it stands now; sms_opt_out_changes keeps every change.
CREATE TABLE sms_opt_outs (
    phone      text        PRIMARY KEY CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    opted_out  boolean     NOT NULL,
    source     text        NOT NULL CHECK (source IN ('KEYWORD', 'TWILIO_21610')),
    keyword    text        CHECK (length(keyword) <= 32),
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sms_opt_out_changes (
    id         bigserial   PRIMARY KEY,
    phone      text        NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    opted_out  boolean     NOT NULL,
    source     text        NOT NULL CHECK (source IN ('KEYWORD', 'TWILIO_21610')),
    keyword    text        CHECK (length(keyword) <= 32),
    -- the inbound text or the refused message that caused it: the same one twice changes nothing
    cause      text        NOT NULL UNIQUE CHECK (length(cause) <= 64),
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sms_opt_out_changes_by_phone ON sms_opt_out_changes (phone, changed_at);

-- One survey per order, sent some days after it shipped. The first answer counts (score, comment, answered_at,
-- answered_via); every answer, the first included, is kept in survey_answers.
CREATE TABLE surveys (
    order_id     varchar(64) PRIMARY KEY REFERENCES orders (order_id),
    sent_at      timestamptz NOT NULL DEFAULT now(),
    score        smallint    CHECK (score BETWEEN 1 AND 5),
    comment      text        CHECK (length(comment) <= 1000),
    answered_at  timestamptz,
    answered_via text        CHECK (answered_via IN ('SMS', 'PAGE')),
    CONSTRAINT answered_all_at_once CHECK (
        (score IS NULL AND answered_at IS NULL AND answered_via IS NULL)
            OR (score IS NOT NULL AND answered_at IS NOT NULL AND answered_via IS NOT NULL))
);

CREATE INDEX surveys_by_sent ON surveys (sent_at);

CREATE TABLE survey_answers (
    id          bigserial   PRIMARY KEY,
    order_id    varchar(64) NOT NULL REFERENCES surveys (order_id),
    score       smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     text        CHECK (length(comment) <= 1000),
    via         text        NOT NULL CHECK (via IN ('SMS', 'PAGE')),
    -- the inbound text's MessageSid or the page request's own id: a retried delivery is kept once
    source_id   text        UNIQUE CHECK (length(source_id) <= 64),
    answered_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX survey_answers_by_order ON survey_answers (order_id, answered_at);
