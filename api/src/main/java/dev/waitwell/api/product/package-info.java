/**
 * The catalog as staff manage it: products with their release date, pre-order cap, deposit and backorder
 * settings, their stock counters, and the staff action that releases a product now.
 */
package dev.waitwell.api.product;
