-- Waitwell schema, version 11: each Twilio status callback finds its SMS by message SID, and the API's sweep finds
-- failed SMS whose email fallback never started (a callback answered 503 that Twilio did not repeat).
CREATE INDEX notifications_by_provider_id ON notifications (provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX notifications_failed_sms ON notifications (updated_at) WHERE channel = 'SMS' AND status = 'FAILED';
