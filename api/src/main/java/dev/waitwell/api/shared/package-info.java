/**
 * What every feature of the API shares: the shop's configuration ({@link dev.waitwell.api.shared.WaitwellProperties}),
 * the one translation of errors into problem details with stable codes, and the audit trail of staff actions.
 */
package dev.waitwell.api.shared;
