/**
 * Test support shared through the test-jar: a fresh PostgreSQL database per Spring test context (embedded,
 * or on the server named by {@code WAITWELL_TEST_DATABASE_URL}) and SQL fixtures for products and orders.
 */
package dev.waitwell.activities.testing;
