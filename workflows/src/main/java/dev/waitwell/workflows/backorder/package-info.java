/**
 * Backorders: items out of stock but coming back, and the honest promise of when.
 */
package dev.waitwell.workflows.backorder;
