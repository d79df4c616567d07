/**
 * The worker process: a Spring Boot application that migrates the database (Flyway), hosts the activity beans
 * of {@code dev.waitwell.activities} and polls the orders task queue with the order and product release
 * workflows. Which workflows and activities run is declared in {@code application.yml}. Its only HTTP is the
 * management port: health (database, Temporal, workers polling) and Prometheus metrics, Temporal's included.
 */
package dev.waitwell.worker;
