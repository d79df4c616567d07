/**
 * When a promise slips: the promised date as the order's workflow decides it, reward codes for customers
 * who wait, switching an order to an in-stock alternative, and promise reviews that recompute every waiting
 * order's date of a product and keep the changes for the review workflow to signal.
 */
package dev.waitwell.activities.delay;
