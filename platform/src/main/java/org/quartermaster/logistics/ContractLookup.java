package org.quartermaster.logistics;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quartermaster.store.Tx;

/**
 * What a contract or call-off promises, as procurement states it (wired in {@code Quartermaster}):
 * logistics checks a line against it without knowing procurement.
 */
@FunctionalInterface
public interface ContractLookup {
    /** The contract or call-off {@code ref} names (kind CONTRACT or CALL_OFF); empty when there is none. */
    Optional<Contracted> find(Tx tx, Fulfilment ref);

    /**
     * A contract or call-off: its item, the units it orders and those delivered so far, the
     * organisations that may ship against it (its buyer and supplier), and what draws on the same
     * units: for a call-off the contract it is placed under, for a contract its call-offs.
     */
    record Contracted(Fulfilment ref, String item, long quantity, long deliveredQuantity, Set<String> shippers,
                      Fulfilment contract, List<Fulfilment> callOffs) {
        public Contracted {
            shippers = Set.copyOf(shippers);
            callOffs = List.copyOf(callOffs);
        }

        /** Units ordered and not yet delivered. */
        public long undelivered() {
            return Math.max(0, quantity - deliveredQuantity);
        }
    }

    /** No procurement: every contract and call-off is unknown. */
    ContractLookup NONE = (tx, ref) -> Optional.empty();
}
