-- Waitwell schema, version 20: actions taken with a customer's signed link are on the audit trail too, under the
-- user 'customer', with the client address the request came from (the link is a bearer token: whoever holds it
-- acts as the customer, so where it was used from is the one trace of who did). Staff actions leave it null.
ALTER TABLE staff_actions ADD COLUMN client_address text;
