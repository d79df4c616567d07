package dev.waitwell.activities.payment;

/** The processor's answer to a charge: its reference and, when declined, why. */
record GatewayCharge(String reference, boolean succeeded, String declineCode) {

    static GatewayCharge succeeded(String reference) {
        return new GatewayCharge(reference, true, null);
    }

    static GatewayCharge declined(String reference, String declineCode) {
        return new GatewayCharge(reference, false, declineCode);
    }
}
