/**
 * When a promised date slips: the promise change, the customer's choices (wait, switch, cancel), the
 * decision rules and the reward for patience.
 */
package dev.waitwell.workflows.delay;
