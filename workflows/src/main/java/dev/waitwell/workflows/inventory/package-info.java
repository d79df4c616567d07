/**
 * Stock contracts: reservation, allocation, dispatch and return of an order's units.
 */
package dev.waitwell.workflows.inventory;
