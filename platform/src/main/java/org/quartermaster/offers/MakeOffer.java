package org.quartermaster.offers;

import java.time.LocalDate;
import java.util.Set;

/** Make an offer from stock; {@code need} optionally pledges it to one need (by public id). */
public record MakeOffer(String donor, String item, long quantity, String condition, String origin,
                        LocalDate availableFrom, String terms, boolean nonLethalOnly, String restrictions,
                        boolean reimbursementRequested, String need, Set<String> releasableTo) {
}
