/**
 * What every feature of the API shares: the shop's configuration ({@link dev.waitwell.api.shared.WaitwellProperties}),
 * the one translation of errors into problem details with stable codes (the business failures' through
 * {@link dev.waitwell.api.shared.BusinessProblems}), bounded workflow calls, and the checks and paging of list
 * requests' query parameters.
 */
package dev.waitwell.api.shared;
