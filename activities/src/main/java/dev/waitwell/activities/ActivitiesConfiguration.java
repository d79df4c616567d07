package dev.waitwell.activities;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Import this (or scan it) to get every activity bean and its typed properties. Only the feature packages
 * are scanned, so the test applications of the activities' own tests never become beans of one another.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        basePackages = {
            "dev.waitwell.activities.payment",
            "dev.waitwell.activities.ledger",
            "dev.waitwell.activities.inventory",
            "dev.waitwell.activities.order",
            "dev.waitwell.activities.notification",
            "dev.waitwell.activities.preorder",
            "dev.waitwell.activities.delay",
            "dev.waitwell.activities.recovery",
            "dev.waitwell.activities.survey"
        })
@ConfigurationPropertiesScan(
        basePackages = {
            "dev.waitwell.activities.shared",
            "dev.waitwell.activities.payment",
            "dev.waitwell.activities.notification"
        })
public class ActivitiesConfiguration {}
