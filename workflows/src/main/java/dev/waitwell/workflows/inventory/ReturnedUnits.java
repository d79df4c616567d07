package dev.waitwell.workflows.inventory;

/**
 * What a cancelled order gave back: its units, and the allocation they went to at once (the head of the
 * queue), or null when nobody was waiting or no unit was allocated.
 */
public record ReturnedUnits(int unitsReturned, AllocationBatch reallocation) {}
