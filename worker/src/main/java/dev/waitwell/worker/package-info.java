/**
 * The worker process: a non-web Spring Boot application that migrates the database (Flyway), hosts the
 * activity beans of {@code dev.waitwell.activities} and polls the orders task queue with the order and
 * product release workflows. Which workflows and activities run is declared in {@code application.yml}.
 */
package dev.waitwell.worker;
