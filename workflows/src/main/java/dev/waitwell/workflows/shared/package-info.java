/**
 * Value types and constants shared by every feature: money, task queues, failure types.
 */
package dev.waitwell.workflows.shared;
