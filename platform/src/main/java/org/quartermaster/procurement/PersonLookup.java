package org.quartermaster.procurement;

import java.util.Optional;

/**
 * The person who holds an account, as access knows it (wired in {@code Quartermaster}): the
 * four-eyes steps of a procedure compare persons, so a second account of the same human is not
 * a second pair of eyes.
 */
@FunctionalInterface
public interface PersonLookup {
    /** The person holding the account {@code userName}; empty when no such account exists. */
    Optional<String> personOf(String userName);

    /** No access context: every account is its own person. */
    PersonLookup ACCOUNTS_ARE_PERSONS = Optional::of;
}
