/**
 * Test support shared through the schema's test-jar: a fresh PostgreSQL database per test context (embedded, or
 * on the server named by {@code WAITWELL_TEST_DATABASE_URL}), empty for applications that migrate it themselves
 * (the worker, the activities) or migrated for those that do not (the API).
 */
package dev.waitwell.schema.testing;
