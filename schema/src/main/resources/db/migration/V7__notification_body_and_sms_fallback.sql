-- What each message said, kept when it is sent: an SMS that Twilio reports failed is emailed with its own words.
-- Rows written before this migration have no body.
ALTER TABLE notifications ADD COLUMN body text;

-- An email that stands in for a failed SMS points to it. One per SMS, whatever retries and repeated callbacks:
-- the API starts the fallback whenever an SMS is FAILED and no row points to it yet.
ALTER TABLE notifications ADD COLUMN fallback_of bigint REFERENCES notifications (id);
ALTER TABLE notifications ADD CONSTRAINT fallback_is_an_email CHECK (fallback_of IS NULL OR channel = 'EMAIL');
CREATE UNIQUE INDEX one_fallback_per_message ON notifications (fallback_of);
