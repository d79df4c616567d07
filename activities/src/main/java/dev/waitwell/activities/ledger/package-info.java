/**
 * The double-entry ledger: postings keyed so each is written once, balance enforced by the database at
 * commit, and revenue recognition when an order ships.
 */
package dev.waitwell.activities.ledger;
