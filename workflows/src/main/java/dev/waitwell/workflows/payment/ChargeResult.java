package dev.waitwell.workflows.payment;

import dev.waitwell.workflows.shared.Money;

/** A successful charge: the gateway's id and the amount taken. */
public record ChargeResult(String chargeId, Money amount) {}
