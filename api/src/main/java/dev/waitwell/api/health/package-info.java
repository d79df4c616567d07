/**
 * What {@code /actuator/health} checks beyond the database: whether the Temporal frontend answers. Probes see only
 * UP or DOWN; the components and their details are shown to OPS and ADMIN (application.yml).
 */
package dev.waitwell.api.health;
