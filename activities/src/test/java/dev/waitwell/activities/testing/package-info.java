/**
 * SQL fixtures for products and orders, for tests on a database the activities' own Flyway migrated (the fresh
 * database itself comes from the schema's test-jar).
 */
package dev.waitwell.activities.testing;
