/**
 * When a promised date slips: the order's promise while it waits (changes, reminders, good news), the delay rules
 * (pure), the customer's decision (wait, switch, cancel) with its reward, the switch to an in-stock alternative,
 * and the promise review workflow that recomputes a product's promises.
 */
package dev.waitwell.workflows.delay;
