/**
 * Value types and contracts shared by every feature: money, the delay choices, the business failure types and the
 * refusals that answer them, task queues and search attributes, and how a workflow is started once. Depends on no
 * feature.
 */
package dev.waitwell.workflows.shared;
