package org.quartermaster.logistics;

import java.util.List;
import org.quartermaster.store.Tx;

/**
 * How deliveries roll up into other contexts without logistics knowing them: the wiring
 * ({@code Quartermaster}) registers one listener per context (needs, offers, contracts).
 * Called inside the shipment's write transaction: a listener that throws undoes the whole step.
 */
public interface DeliveryListener {
    /** The line fulfilling {@code ref} left its origin with {@code quantity} units. */
    default void dispatched(Tx tx, Fulfilment ref, long quantity) {}

    /**
     * The receiver confirmed {@code quantity} usable units of line {@code line} of shipment
     * {@code shipment}, fulfilling {@code ref}; {@code needs} says how many of them count for
     * which need. Called once per line, ever, and only with a positive quantity.
     */
    void received(Tx tx, String shipment, int line, Fulfilment ref, long quantity, List<NeedDelivery> needs);

    /** Units of one line counted for one need. */
    record NeedDelivery(String need, long quantity) {}
}
