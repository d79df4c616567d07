/**
 * What the activities of several features share: the shop's settings ({@code waitwell.zone}, the promise
 * policy), bound once for the whole worker, and how a write a database invariant refuses fails for good.
 */
package dev.waitwell.activities.shared;
