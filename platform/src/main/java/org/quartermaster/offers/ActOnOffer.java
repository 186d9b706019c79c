package org.quartermaster.offers;

import org.quartermaster.offers.model.OfferRules;

/** Take lifecycle step {@code action} on offer {@code offer} (public id) at a known {@code version}. */
public record ActOnOffer(String offer, OfferRules.Action action, long version) {
}
