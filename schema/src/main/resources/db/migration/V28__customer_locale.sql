-- The language the customer asked for at checkout (BCP 47, e.g. de-DE): their messages and page are written in it
-- when Waitwell ships it, else in the shop's language (WAITWELL_SHOP_LOCALE). Null for orders from before it was
-- asked and for customers who did not say.
ALTER TABLE orders ADD COLUMN customer_locale text
    CONSTRAINT orders_customer_locale_length CHECK (customer_locale IS NULL OR length(customer_locale) <= 35);
