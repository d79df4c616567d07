package dev.waitwell.workflows.order;

/** How an order is paid. */
public enum PaymentPlan {
    /** Everything at checkout. */
    FULL,
    /** The product's deposit percentage at checkout, the balance on release. */
    DEPOSIT,
    /** Nothing at checkout, everything on release; the payment method is kept. */
    PAY_LATER
}
