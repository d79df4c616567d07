/**
 * What the activities of several features share: the shop's settings ({@code waitwell.zone}, the promise
 * policy), bound once for the whole worker.
 */
package dev.waitwell.activities.shared;
