package dev.waitwell.workflows.delay;

import dev.waitwell.workflows.inventory.AllocationBatch;

/** The order now holds the alternative's units; the units it gave back went to the queue as {@code reallocation}. */
public record SwitchOutcome(AllocationBatch reallocation) {}
