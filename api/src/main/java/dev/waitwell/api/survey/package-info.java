/**
 * The customer's satisfaction survey of a shipped order ({@code surveys}, one per order): its answers, by SMS or on
 * the customer's page, the first counting and every one kept ({@code survey_answers}).
 */
package dev.waitwell.api.survey;
