-- Twilio reports an SMS's progress (queued, sending, sent, then delivered, undelivered or failed) in status callbacks
-- that may come out of order, more than once, and even before the worker has recorded the message's SID (when
-- Twilio answered the send slowly). The row keeps the last Twilio status applied, and a report applies only when it
-- ranks above it: a late "sent" never undoes "delivered", a replay is a no-op, and the first final outcome stays.
-- Both the API (callbacks) and the worker (held reports) rank with this one function.
ALTER TABLE notifications ADD COLUMN provider_status text;

CREATE FUNCTION twilio_status_rank(status text) RETURNS integer
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE status
           WHEN 'accepted' THEN 1
           WHEN 'scheduled' THEN 1
           WHEN 'queued' THEN 1
           WHEN 'sending' THEN 2
           WHEN 'sent' THEN 3
           WHEN 'delivered' THEN 4
           WHEN 'undelivered' THEN 4
           WHEN 'failed' THEN 4
           ELSE 0
       END
$$;

-- A report for a SID no row has yet: the worker applies it when it records the SID, in the same transaction as the
-- row and its timeline event. Both sides take a transaction-level advisory lock on the SID first, so a report and
-- the recording of its SID never miss each other. Reports no SID ever claimed are dropped after a day.
CREATE TABLE sms_status_reports (
    provider_id text PRIMARY KEY,
    status      text        NOT NULL CHECK (twilio_status_rank(status) > 0),
    error_code  text,
    received_at timestamptz NOT NULL DEFAULT now()
);
