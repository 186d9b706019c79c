package org.quartermaster.funds;

/**
 * How funds reads a donated offer: wired to {@code Offers.get} in {@code Quartermaster}, so the
 * funds context never reads the offers tables. Throws {@code NotFound} for an unknown offer.
 */
@FunctionalInterface
public interface OfferLookup {
    DonatedOffer find(String offerId);

    /** {@code item}: the catalogue code of what is donated (null when the lookup does not know it). */
    record DonatedOffer(String id, String donor, String status, String terms, String item) {
        public DonatedOffer(String id, String donor, String status, String terms) {
            this(id, donor, status, terms, null);
        }
    }
}
