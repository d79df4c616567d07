/**
 * Read-only views of the double-entry ledger the payment and ledger activities post to: balances per
 * currency of cash, customer deposits (a liability) and revenue, and the lines of one order.
 */
package dev.waitwell.api.ledger;
