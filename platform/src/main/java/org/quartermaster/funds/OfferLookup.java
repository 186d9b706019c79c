package org.quartermaster.funds;

/**
 * How funds reads a donated offer: wired to {@code Offers.get} in {@code Quartermaster}, so the
 * funds context never reads the offers tables. Throws {@code NotFound} for an unknown offer.
 */
@FunctionalInterface
public interface OfferLookup {
    DonatedOffer find(String offerId);

    record DonatedOffer(String id, String donor, String status, String terms) {}
}
