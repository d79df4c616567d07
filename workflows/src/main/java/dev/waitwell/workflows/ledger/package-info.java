/**
 * Ledger contracts. A deposit is owed to the customer until the goods ship; shipment turns it into revenue.
 */
package dev.waitwell.workflows.ledger;
