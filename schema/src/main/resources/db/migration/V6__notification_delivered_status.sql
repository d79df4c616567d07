-- Twilio's status callbacks (received by the API) mark an SMS the handset received as DELIVERED.
ALTER TABLE notifications DROP CONSTRAINT notifications_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
    CHECK (status IN ('SENDING', 'SENT', 'SKIPPED', 'FAILED', 'DELIVERED'));
