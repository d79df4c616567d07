-- Waitwell schema, version 12: orders cancelled before the workflow sent the reason with the CANCELLED status
-- (orders.cancellation_reason stayed empty) get it from their timeline, where the workflow wrote
-- "Cancelled by {who}: {reason}; refunded {currency} {amount}". Reports then read one column for every order.
UPDATE orders o
   SET cancellation_reason = cancelled.reason
  FROM (SELECT DISTINCT ON (order_id) order_id,
               substring(message from '^Cancelled by [^:]*: (.*); refunded [A-Z]{3} [0-9.]+$') AS reason
          FROM order_events
         WHERE type = 'STATUS_CANCELLED'
         ORDER BY order_id, id) cancelled
 WHERE o.order_id = cancelled.order_id
   AND o.status = 'CANCELLED'
   AND o.cancellation_reason IS NULL
   AND cancelled.reason IS NOT NULL;
