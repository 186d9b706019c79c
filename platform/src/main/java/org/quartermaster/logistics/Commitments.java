package org.quartermaster.logistics;

import java.util.Optional;
import org.quartermaster.store.Tx;

/**
 * What a fulfilment reference commits, as the context that owns it says (wired in
 * {@code Quartermaster}): offers and allocations answer; contracts and call-offs answer empty here
 * (they are checked through {@link ContractLookup}).
 * An unknown or unusable reference throws {@code InvalidField} on {@code field}.
 */
@FunctionalInterface
public interface Commitments {
    Optional<Commitment> of(Tx tx, String field, Fulfilment ref);

    /** The committed item and quantity, the need it serves (or null) and who supplies it. */
    record Commitment(String item, long quantity, String need, String supplier) {}

    /** Checks nothing: every reference is stored as given. */
    Commitments UNCHECKED = (tx, field, ref) -> Optional.empty();
}
