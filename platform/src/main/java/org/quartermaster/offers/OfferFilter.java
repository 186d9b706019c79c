package org.quartermaster.offers;

/** Filters of the offer list; null fields do not filter. */
public record OfferFilter(String status, String item, String donor, String need) {
    public static final OfferFilter ALL = new OfferFilter(null, null, null, null);
}
