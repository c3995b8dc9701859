package org.watchfloor.delivery;

/** A try that failed, with the reason as message (status, timeout, refusal); never carries a secret. */
final class DeliveryFailure extends RuntimeException {
    DeliveryFailure(String reason) {
        super(reason, null, false, false);
    }
}
