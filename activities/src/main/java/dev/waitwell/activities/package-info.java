/**
 * Activity implementations for the order and release workflows: Spring beans over PostgreSQL, the payment
 * gateway, SMTP and Twilio. {@link dev.waitwell.activities.ActivitiesConfiguration} wires them into a host app.
 */
package dev.waitwell.activities;
