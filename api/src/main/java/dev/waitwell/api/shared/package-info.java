/**
 * What every feature of the API shares: the shop's configuration ({@link dev.waitwell.api.shared.WaitwellProperties}),
 * the one translation of errors into problem details with stable codes, the checks and paging of list requests'
 * query parameters, and the audit trail of staff actions with its list.
 */
package dev.waitwell.api.shared;
