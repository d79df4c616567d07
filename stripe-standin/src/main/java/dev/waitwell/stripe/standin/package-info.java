/**
 * A stand-in for Stripe's API ({@link dev.waitwell.stripe.standin.StripeStandIn}): the calls Waitwell makes, Stripe's
 * test payment methods, idempotency keys, authentication, dashboard refunds, outages and signed webhook events, for
 * tests of every module and the local run. Only the JDK: no Spring, no JSON library.
 */
package dev.waitwell.stripe.standin;
