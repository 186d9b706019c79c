package org.quartermaster.offers;

import java.time.LocalDate;
import java.util.List;

/** Journal payloads of the offers context. */
public final class OfferEvents {
    private OfferEvents() {}

    public record OfferMade(String id, String donor, String item, long quantity, String condition, String origin,
                            LocalDate availableFrom, String terms, boolean nonLethalOnly, String restrictions,
                            boolean reimbursementRequested, String need, List<String> releasableTo) {}

    public record OfferStatusChanged(String id, String from, String to, String need, long version) {}

    /** Who an offer is released to changed (a lowering was approved by a second person). */
    public record OfferReleasabilityChanged(String id, List<String> releasableTo, long version) {}
}
